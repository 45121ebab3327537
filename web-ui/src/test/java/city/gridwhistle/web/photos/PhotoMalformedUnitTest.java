package city.gridwhistle.web.photos;

import static city.gridwhistle.web.photos.PhotoFiles.clean;
import static city.gridwhistle.web.photos.PhotoFiles.riffChunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.Color;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Photos cut short or damaged are refused as a problem of the photo ({@link PhotoRejectedException}, a 4xx), never
 * with another exception (a 500), and never by looping: every read is checked, every walk moves forward.
 */
class PhotoMalformedUnitTest {

    static Stream<Arguments> photos() {
        return Stream.of(
                Arguments.of("JPEG", PhotoFiles.jpeg(Color.ORANGE, PhotoFiles.phoneSegments(ByteOrder.BIG_ENDIAN),
                        new byte[0])),
                Arguments.of("PNG", PhotoFiles.png(Color.ORANGE, PhotoFiles.editorChunks(), new byte[0])),
                Arguments.of("WebP", PhotoFiles.webp(0x0C, 64, 48,
                        riffChunk("VP8L", PhotoFiles.losslessOneColour(64, 48, Color.ORANGE)),
                        riffChunk("EXIF", PhotoFiles.exif(ByteOrder.BIG_ENDIAN, 6)),
                        riffChunk("XMP ", PhotoFiles.ascii(PhotoFiles.XMP)))),
                Arguments.of("HEIC", PhotoFiles.heic(640, 480, false)),
                Arguments.of("HEIC with EXIF in idat", PhotoFiles.heic(640, 480, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("photos")
    void everyPhotoCutShortIsRefused(String format, byte[] photo) {
        // a HEIC has no end marker: cut after its media data, before its last box, it is a whole photo
        int whole = format.startsWith("HEIC") ? PhotoFiles.indexOf(photo, PhotoFiles.ascii("uuid")) - 4 : -1;
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int length = 0; length < photo.length; length++) {
                byte[] cut = Arrays.copyOf(photo, length);
                if (PhotoStore.imageType(cut).isEmpty() || length == whole) {
                    continue; // too short to be recognised: refused before this, as not an image
                }
                assertThatThrownBy(() -> clean(cut)).as("cut to %d bytes", cut.length)
                        .isInstanceOf(PhotoRejectedException.class);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("photos")
    void damagedBytesAreRefusedOrCleanedNeverCrash(String format, byte[] photo) {
        Random random = new Random(20_250_602);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int round = 0; round < 3_000; round++) {
                byte[] damaged = photo.clone();
                for (int i = 0; i < 1 + random.nextInt(4); i++) {
                    int at = random.nextInt(damaged.length);
                    damaged[at] = (byte) (random.nextBoolean() ? random.nextInt(256) : damaged[at] ^ 0xFF);
                }
                if (PhotoStore.imageType(damaged).isEmpty()) {
                    continue; // no longer recognised: refused before this, as not an image
                }
                try {
                    byte[] cleaned = clean(damaged);
                    assertThat(clean(cleaned)).as("cleaning again changes nothing").isEqualTo(cleaned);
                } catch (PhotoRejectedException refused) {
                    // as it should be
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("photos")
    void cleaningTwiceChangesNothing(String format, byte[] photo) {
        byte[] cleaned = clean(photo);

        assertThat(clean(cleaned)).isEqualTo(cleaned);
    }
}
