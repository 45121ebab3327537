package city.gridwhistle.web.photos;

import static city.gridwhistle.web.photos.PhotoFiles.ascii;
import static city.gridwhistle.web.photos.PhotoFiles.clean;
import static city.gridwhistle.web.photos.PhotoFiles.concat;
import static city.gridwhistle.web.photos.PhotoFiles.contains;
import static city.gridwhistle.web.photos.PhotoFiles.segment;
import static city.gridwhistle.web.photos.PhotoFiles.segments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.gridwhistle.web.pages.Pictures;
import java.awt.Color;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhotoJpegMetadataUnitTest {

    private static final byte[] SECOND_PICTURE = concat(new byte[] {(byte) 0xFF, (byte) 0xD8},
            segment(0xE1, concat(ascii("Exif\0\0"), PhotoFiles.exif(ByteOrder.BIG_ENDIAN, 1))),
            new byte[] {(byte) 0xFF, (byte) 0xD9});

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aPhonesJpegKeepsItsPixelsAndItsOrientationAndNothingElse(boolean bigEndian) throws IOException {
        ByteOrder order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] photo = PhotoFiles.jpeg(Color.ORANGE, PhotoFiles.phoneSegments(order), SECOND_PICTURE);
        assertThat(contains(photo, bigEndian ? PhotoFiles.LATITUDE : PhotoFiles.LATITUDE_LITTLE_ENDIAN)).isTrue();

        byte[] cleaned = clean(photo);

        assertThat(contains(cleaned, PhotoFiles.LATITUDE)).as("GPS latitude").isFalse();
        assertThat(contains(cleaned, PhotoFiles.LATITUDE_LITTLE_ENDIAN)).as("GPS latitude").isFalse();
        for (String trace : List.of(PhotoFiles.MAKE, PhotoFiles.MODEL, PhotoFiles.TAKEN, "x:xmpmeta",
                "http://ns.adobe.com/xap", "Photoshop", "8BIM", PhotoFiles.CITY, PhotoFiles.COMMENT)) {
            assertThat(contains(cleaned, trace)).as(trace).isFalse();
        }
        assertThat(segments(cleaned, 0xE1)).singleElement()
                .satisfies(exif -> assertThat(orientationOnly(exif)).isEqualTo(PhotoFiles.PORTRAIT));
        assertThat(segments(cleaned, 0xE2)).singleElement()
                .satisfies(icc -> assertThat(Arrays.copyOfRange(icc, 14, icc.length))
                        .isEqualTo(PhotoFiles.srgbProfile()));
        assertThat(segments(cleaned, 0xED)).isEmpty();
        assertThat(segments(cleaned, 0xFE)).isEmpty();
        assertThat(Arrays.copyOfRange(cleaned, cleaned.length - 2, cleaned.length))
                .as("ends with the picture's end, the second picture after it is gone")
                .containsExactly(0xFF, 0xD9);
        assertThat(PhotoFiles.pixels(cleaned)).isEqualTo(PhotoFiles.pixels(photo));
    }

    @Test
    void theCodedImageIsCopiedByteForByte() {
        byte[] plain = Pictures.jpeg(Color.ORANGE);
        int afterJfif = PhotoFiles.afterJfif(plain);

        byte[] photo = PhotoFiles.jpeg(Color.ORANGE, PhotoFiles.phoneSegments(ByteOrder.BIG_ENDIAN), new byte[0]);

        byte[] cleaned = clean(photo);

        byte[] orientation = segment(0xE1, concat(ascii("Exif\0\0"), ExifOrientation.tiff(PhotoFiles.PORTRAIT)));
        byte[] icc = PhotoFiles.phoneSegments(ByteOrder.BIG_ENDIAN).get(3);
        assertThat(cleaned).isEqualTo(concat(Arrays.copyOf(plain, afterJfif), orientation, icc,
                Arrays.copyOfRange(plain, afterJfif, plain.length)));
    }

    @Test
    void anUprightPhotoKeepsNoExifAtAll() {
        byte[] photo = PhotoFiles.jpeg(Color.BLUE,
                List.of(segment(0xE1, concat(ascii("Exif\0\0"), PhotoFiles.exif(ByteOrder.BIG_ENDIAN, 1)))),
                new byte[0]);

        assertThat(clean(photo)).isEqualTo(Pictures.jpeg(Color.BLUE));
    }

    @Test
    void jfifKeepsItsDensityButNotItsThumbnail() throws IOException {
        byte[] plain = Pictures.jpeg(Color.GREEN);
        int afterJfif = PhotoFiles.afterJfif(plain);
        byte[] jfifWithThumbnail = segment(0xE0, concat(Arrays.copyOfRange(plain, 6, 18), new byte[] {2, 1},
                ascii("RGBrgb")));
        byte[] jfxx = segment(0xE0, concat(ascii("JFXX\0"), new byte[] {0x13}, ascii("a JPEG thumbnail")));
        byte[] photo = concat(Arrays.copyOf(plain, 2), jfifWithThumbnail, jfxx,
                Arrays.copyOfRange(plain, afterJfif, plain.length));

        byte[] cleaned = clean(photo);

        assertThat(cleaned).isEqualTo(plain);
        assertThat(PhotoFiles.pixels(cleaned)).isEqualTo(PhotoFiles.pixels(photo));
    }

    @Test
    void aSegmentOfAnUnknownKindRefusesThePhoto() {
        byte[] plain = Pictures.jpeg(Color.GREEN);
        byte[] photo = concat(Arrays.copyOf(plain, 2), segment(0xF7, ascii("JPEG-LS frame")),
                Arrays.copyOfRange(plain, 2, plain.length));

        assertThatThrownBy(() -> clean(photo)).isInstanceOfSatisfying(PhotoRejectedException.class,
                e -> assertThat(e.problem()).isEqualTo(PhotoRejectedException.Problem.METADATA_NOT_REMOVABLE));
    }

    @Test
    void aJpegWithoutAFrameOrWithoutAnEndIsRefused() {
        byte[] plain = Pictures.jpeg(Color.GREEN);
        byte[] scanOnly = concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, segment(0xDA, new byte[] {1, 1, 0, 0, 0x3F, 0}),
                new byte[] {1, 2, 3, (byte) 0xFF, (byte) 0xD9});
        byte[] noEnd = Arrays.copyOf(plain, plain.length - 2);

        for (byte[] photo : List.of(scanOnly, noEnd, PhotoFiles.jpegFrame(0, 480))) {
            assertThatThrownBy(() -> clean(photo)).isInstanceOfSatisfying(PhotoRejectedException.class,
                    e -> assertThat(e.problem()).isEqualTo(PhotoRejectedException.Problem.MALFORMED));
        }
    }

    /** The orientation in an APP1 EXIF that must hold nothing else. */
    private static int orientationOnly(byte[] app1) {
        assertThat(Arrays.copyOf(app1, 6)).isEqualTo(ascii("Exif\0\0"));
        return PhotoFiles.orientationOnly(Arrays.copyOfRange(app1, 6, app1.length));
    }
}
