package city.gridwhistle.web.photos;

import static city.gridwhistle.web.photos.PhotoFiles.ascii;
import static city.gridwhistle.web.photos.PhotoFiles.chunk;
import static city.gridwhistle.web.photos.PhotoFiles.chunkTypes;
import static city.gridwhistle.web.photos.PhotoFiles.clean;
import static city.gridwhistle.web.photos.PhotoFiles.concat;
import static city.gridwhistle.web.photos.PhotoFiles.contains;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.gridwhistle.web.pages.Pictures;
import java.awt.Color;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhotoPngMetadataUnitTest {

    @Test
    void anEditorsPngKeepsItsPixelsAndItsOrientationAndNothingElse() throws IOException {
        byte[] photo = PhotoFiles.png(Color.ORANGE, PhotoFiles.editorChunks(),
                chunk("tEXt", ascii("Location\0behind the end")));
        assertThat(contains(photo, PhotoFiles.LATITUDE_LITTLE_ENDIAN)).isTrue();

        byte[] cleaned = clean(photo);

        assertThat(contains(cleaned, PhotoFiles.LATITUDE_LITTLE_ENDIAN)).as("GPS latitude").isFalse();
        assertThat(contains(cleaned, PhotoFiles.LATITUDE)).as("GPS latitude").isFalse();
        for (String trace : List.of(PhotoFiles.MAKE, PhotoFiles.MODEL, "x:xmpmeta", PhotoFiles.CITY, "Comment",
                "behind the end")) {
            assertThat(contains(cleaned, trace)).as(trace).isFalse();
        }
        assertThat(chunkTypes(cleaned)).containsExactly("IHDR", "eXIf", "IDAT", "IEND");
        assertThat(PhotoFiles.orientationOnly(chunkData(cleaned, "eXIf"))).isEqualTo(PhotoFiles.PORTRAIT);
        assertThat(PhotoFiles.pixels(cleaned)).isEqualTo(PhotoFiles.pixels(photo));
    }

    @Test
    void theCodedImageIsCopiedByteForByte() {
        byte[] plain = Pictures.png(Color.ORANGE);

        byte[] cleaned = clean(PhotoFiles.png(Color.ORANGE, PhotoFiles.editorChunks(), new byte[0]));

        byte[] orientation = chunk("eXIf", ExifOrientation.tiff(PhotoFiles.PORTRAIT));
        assertThat(cleaned).isEqualTo(concat(Arrays.copyOf(plain, PhotoFiles.AFTER_PNG_HEADER), orientation,
                Arrays.copyOfRange(plain, PhotoFiles.AFTER_PNG_HEADER, plain.length)));
    }

    @Test
    void whatSaysHowToShowThePixelsStays() {
        List<byte[]> rendering = List.of(chunk("gAMA", new byte[] {0, 0, (byte) 0xB1, (byte) 0x8F}),
                chunk("sRGB", new byte[] {0}), chunk("pHYs", new byte[9]), chunk("tIME", new byte[7]));

        byte[] cleaned = clean(PhotoFiles.png(Color.RED, rendering, new byte[0]));

        assertThat(chunkTypes(cleaned)).containsExactly("IHDR", "gAMA", "sRGB", "IDAT", "IEND");
    }

    @Test
    void anUnknownChunkAViewerWouldNeedRefusesThePhoto() {
        byte[] photo = PhotoFiles.png(Color.RED, List.of(chunk("GRID", ascii("critical to someone"))), new byte[0]);

        assertThatThrownBy(() -> clean(photo)).isInstanceOfSatisfying(PhotoRejectedException.class,
                e -> assertThat(e.problem()).isEqualTo(PhotoRejectedException.Problem.METADATA_NOT_REMOVABLE));
    }

    @Test
    void aDamagedChunkOrAPngWithoutImageDataIsRefused() {
        byte[] damaged = PhotoFiles.png(Color.RED, PhotoFiles.editorChunks(), new byte[0]);
        damaged[PhotoFiles.AFTER_PNG_HEADER + 10] ^= 1; // inside the tEXt chunk: its CRC no longer matches
        byte[] noImage = concat(PhotoFiles.pngHeader(320, 240), chunk("IEND", new byte[0]));

        for (byte[] photo : List.of(damaged, noImage)) {
            assertThatThrownBy(() -> clean(photo)).isInstanceOfSatisfying(PhotoRejectedException.class,
                    e -> assertThat(e.problem()).isEqualTo(PhotoRejectedException.Problem.MALFORMED));
        }
    }

    /** The data of the first chunk of this type. */
    private static byte[] chunkData(byte[] png, String type) {
        for (int at = 8; at < png.length; at += 12 + ByteBuffer.wrap(png, at, 4).getInt()) {
            if (new String(png, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals(type)) {
                return Arrays.copyOfRange(png, at + 8, at + 8 + ByteBuffer.wrap(png, at, 4).getInt());
            }
        }
        throw new AssertionError("no " + type);
    }
}
