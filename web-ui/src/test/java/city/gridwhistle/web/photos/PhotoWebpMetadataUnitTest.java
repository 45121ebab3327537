package city.gridwhistle.web.photos;

import static city.gridwhistle.web.photos.PhotoFiles.ascii;
import static city.gridwhistle.web.photos.PhotoFiles.clean;
import static city.gridwhistle.web.photos.PhotoFiles.concat;
import static city.gridwhistle.web.photos.PhotoFiles.contains;
import static city.gridwhistle.web.photos.PhotoFiles.riff;
import static city.gridwhistle.web.photos.PhotoFiles.riffChunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhotoWebpMetadataUnitTest {

    private static final int ANIMATION = 0x02;
    private static final int XMP = 0x04;
    private static final int EXIF = 0x08;
    private static final byte[] ORANGE = PhotoFiles.losslessOneColour(64, 48, Color.ORANGE);
    private static final byte[] GREY = PhotoFiles.losslessOneColour(64, 48, Color.GRAY);

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anExtendedWebpKeepsItsImageAndItsOrientationAndNothingElse(boolean exifHeader) {
        byte[] exif = concat(ascii(exifHeader ? "Exif\0\0" : ""), PhotoFiles.exif(ByteOrder.BIG_ENDIAN, 6));
        byte[] photo = PhotoFiles.webp(EXIF | XMP, 64, 48, riffChunk("VP8L", ORANGE), riffChunk("EXIF", exif),
                riffChunk("XMP ", ascii(PhotoFiles.XMP)), riffChunk("GPSx", ascii(PhotoFiles.CITY)));
        assertThat(contains(photo, PhotoFiles.LATITUDE)).isTrue();

        byte[] cleaned = clean(photo);

        assertThat(contains(cleaned, PhotoFiles.LATITUDE)).as("GPS latitude").isFalse();
        for (String trace : List.of(PhotoFiles.MAKE, PhotoFiles.MODEL, "x:xmpmeta", PhotoFiles.CITY)) {
            assertThat(contains(cleaned, trace)).as(trace).isFalse();
        }
        List<Chunk> chunks = chunks(cleaned);
        assertThat(chunks).extracting(Chunk::type).containsExactly("VP8X", "VP8L", "EXIF");
        assertThat(chunks.get(0).data()[0]).as("VP8X flags: EXIF, no XMP").isEqualTo((byte) EXIF);
        assertThat(Arrays.copyOfRange(chunks.get(0).data(), 1, 10))
                .isEqualTo(Arrays.copyOfRange(chunks(photo).get(0).data(), 1, 10));
        assertThat(chunks.get(1).data()).isEqualTo(ORANGE);
        byte[] kept = chunks.get(2).data();
        assertThat(PhotoFiles.orientationOnly(exifHeader ? Arrays.copyOfRange(kept, 6, kept.length) : kept))
                .isEqualTo(PhotoFiles.PORTRAIT);
    }

    @Test
    void anUprightWebpKeepsNoExifAndItsFlagSaysSo() {
        byte[] photo = PhotoFiles.webp(EXIF, 64, 48, riffChunk("VP8L", ORANGE),
                riffChunk("EXIF", PhotoFiles.exif(ByteOrder.LITTLE_ENDIAN, 1)));

        byte[] cleaned = clean(photo);

        assertThat(chunks(cleaned)).extracting(Chunk::type).containsExactly("VP8X", "VP8L");
        assertThat(chunks(cleaned).get(0).data()[0]).isZero();
    }

    @Test
    void aSimpleWebpLosesWhatFollowsItsImageAndItsContainer() {
        byte[] body = concat(riffChunk("VP8L", ORANGE), riffChunk("XMP ", ascii(PhotoFiles.XMP)));
        byte[] photo = concat(riff(body), ascii(PhotoFiles.COMMENT));

        byte[] cleaned = clean(photo);

        assertThat(cleaned).isEqualTo(riff(riffChunk("VP8L", ORANGE)));
    }

    @Test
    void anAnimationKeepsItsFramesImagesOnly() {
        byte[] frameHeader = new byte[] {0, 0, 0, 0, 0, 0, 63, 0, 0, 47, 0, 0, 100, 0, 0, 0};
        byte[] photo = PhotoFiles.webp(ANIMATION | XMP, 64, 48, riffChunk("ANIM", new byte[6]),
                riffChunk("ANMF", concat(frameHeader, riffChunk("VP8L", ORANGE),
                        riffChunk("note", ascii("Liangfeng")))),
                riffChunk("ANMF", concat(frameHeader, riffChunk("VP8L", GREY))),
                riffChunk("XMP ", ascii(PhotoFiles.XMP)));

        byte[] cleaned = clean(photo);

        assertThat(contains(cleaned, "Liangfeng")).isFalse();
        assertThat(chunks(cleaned)).extracting(Chunk::type).containsExactly("VP8X", "ANIM", "ANMF", "ANMF");
        assertThat(chunks(cleaned).get(0).data()[0]).isEqualTo((byte) ANIMATION);
        assertThat(chunks(cleaned).get(2).data()).isEqualTo(concat(frameHeader, riffChunk("VP8L", ORANGE)));
        assertThat(chunks(cleaned).get(3).data()).isEqualTo(concat(frameHeader, riffChunk("VP8L", GREY)));
    }

    @Test
    void aWebpWithoutAnImageOrWithABrokenBitstreamIsRefused() {
        byte[] noImage = PhotoFiles.webp(XMP, 64, 48, riffChunk("XMP ", ascii(PhotoFiles.XMP)));
        byte[] notLossless = PhotoFiles.webp(0, 64, 48, riffChunk("VP8L", ascii("not a bitstream")));
        byte[] notAKeyFrame = PhotoFiles.webp(0, 64, 48, riffChunk("VP8 ", new byte[] {1, 0, 0, (byte) 0x9D, 1, 0x2A,
                64, 0, 48, 0}));

        for (byte[] photo : List.of(noImage, notLossless, notAKeyFrame)) {
            assertThatThrownBy(() -> clean(photo)).isInstanceOfSatisfying(PhotoRejectedException.class,
                    e -> assertThat(e.problem()).isEqualTo(PhotoRejectedException.Problem.MALFORMED));
        }
    }

    private record Chunk(String type, byte[] data) {
    }

    /** The top-level chunks, checking on the way that the RIFF size is the file's. */
    private static List<Chunk> chunks(byte[] webp) {
        ByteBuffer b = ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(4)).as("RIFF size").isEqualTo(webp.length - 8);
        List<Chunk> chunks = new ArrayList<>();
        for (int at = 12; at < webp.length; ) {
            int size = b.getInt(at + 4);
            chunks.add(new Chunk(new String(webp, at, 4, StandardCharsets.ISO_8859_1),
                    Arrays.copyOfRange(webp, at + 8, at + 8 + size)));
            at += 8 + size + (size & 1);
        }
        return chunks;
    }
}
