package city.gridwhistle.web.photos;

import static city.gridwhistle.web.photos.PhotoFiles.clean;
import static city.gridwhistle.web.photos.PhotoFiles.riffChunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decompression bombs: a few hundred bytes declaring billions of pixels are refused from their header, with next to
 * nothing allocated (decoding one would take tens of gigabytes).
 */
class PhotoPixelLimitUnitTest {

    private static final long ONE_MEGABYTE = 1 << 20;

    static Stream<Arguments> bombs() {
        byte[] lossless = PhotoFiles.losslessOneColour(16384, 16384, Color.RED);
        byte[] lossy = {0, 0, 0, (byte) 0x9D, 1, 0x2A, (byte) 0xFF, 0x3F, (byte) 0xFF, 0x3F};
        return Stream.of(
                Arguments.of("JPEG 65535 × 65535", PhotoFiles.jpegFrame(65_535, 65_535)),
                Arguments.of("PNG 100000 × 100000", PhotoFiles.pngHeader(100_000, 100_000)),
                Arguments.of("WebP canvas 100000 × 100000", PhotoFiles.webp(0, 100_000, 100_000)),
                Arguments.of("WebP canvas small, its image 16384 × 16384",
                        PhotoFiles.webp(0, 64, 48, riffChunk("VP8L", lossless))),
                Arguments.of("WebP lossless 16384 × 16384", PhotoFiles.riff(riffChunk("VP8L", lossless))),
                Arguments.of("WebP lossy 16383 × 16383", PhotoFiles.riff(riffChunk("VP8 ", lossy))),
                Arguments.of("HEIC 100000 × 100000", PhotoFiles.heic(100_000, 100_000, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bombs")
    void aHeaderDeclaringTooManyPixelsIsRefusedWithoutAllocating(String what, byte[] photo) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        assertThatThrownBy(() -> clean(photo)).isInstanceOfSatisfying(PhotoRejectedException.class, e -> {
            assertThat(e.problem()).isEqualTo(PhotoRejectedException.Problem.TOO_MANY_PIXELS);
            assertThat(e.getMessage()).contains("at most 64000000 pixels");
        });

        assertThat(threads.getCurrentThreadAllocatedBytes() - before).as("bytes allocated").isLessThan(ONE_MEGABYTE);
    }

    @Test
    void aPhotoOfExactlyTheLimitPassesAndOnePixelMoreDoesNot() {
        byte[] photo = city.gridwhistle.web.pages.Pictures.jpeg(Color.YELLOW); // 320 × 240

        assertThatCode(() -> PhotoStore.withoutMetadata(photo, "image/jpeg", new PixelLimit(320 * 240)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> PhotoStore.withoutMetadata(photo, "image/jpeg", new PixelLimit(320 * 240 - 1)))
                .isInstanceOfSatisfying(PhotoRejectedException.class,
                        e -> assertThat(e.problem()).isEqualTo(PhotoRejectedException.Problem.TOO_MANY_PIXELS));
    }

    @Test
    void aPhotoWithoutAWidthOrAHeightIsRefused() {
        for (byte[] photo : List.of(
                PhotoFiles.jpegFrame(320, 0),
                PhotoFiles.pngHeader(0, 240),
                PhotoFiles.webp(0, 64, 48, riffChunk("VP8 ", new byte[] {0, 0, 0, (byte) 0x9D, 1, 0x2A, 0, 0, 48, 0})),
                PhotoFiles.heic(640, 0, false))) {
            assertThatThrownBy(() -> clean(photo)).isInstanceOfSatisfying(PhotoRejectedException.class,
                    e -> assertThat(e.problem()).isEqualTo(PhotoRejectedException.Problem.MALFORMED));
        }
    }

    @Test
    void sizesBeyondALongDoNotWrapAround() {
        byte[] photo = PhotoFiles.heic(0xFFFF_FFFFL, 0xFFFF_FFFFL, false);

        assertThatThrownBy(() -> clean(photo)).isInstanceOfSatisfying(PhotoRejectedException.class,
                e -> assertThat(e.problem()).isEqualTo(PhotoRejectedException.Problem.TOO_MANY_PIXELS));
    }
}
