package city.gridwhistle.web.photos;

import static city.gridwhistle.web.photos.PhotoFiles.ascii;
import static city.gridwhistle.web.photos.PhotoFiles.box;
import static city.gridwhistle.web.photos.PhotoFiles.clean;
import static city.gridwhistle.web.photos.PhotoFiles.concat;
import static city.gridwhistle.web.photos.PhotoFiles.contains;
import static city.gridwhistle.web.photos.PhotoFiles.findBox;
import static city.gridwhistle.web.photos.PhotoFiles.indexOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhotoHeicMetadataUnitTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aHeicKeepsItsPictureAndItsRotationAndNothingElse(boolean exifInIdat) {
        byte[] photo = PhotoFiles.heic(640, 480, exifInIdat);
        assertThat(contains(photo, PhotoFiles.LATITUDE)).isTrue();

        byte[] cleaned = clean(photo);

        assertThat(contains(cleaned, PhotoFiles.LATITUDE)).as("GPS latitude").isFalse();
        for (String trace : List.of(PhotoFiles.MAKE, PhotoFiles.MODEL, PhotoFiles.TAKEN, "x:xmpmeta",
                PhotoFiles.HANDLER_NAME, PhotoFiles.DESCRIPTION, "picture\0", "Exif", "cdsc", "udes", "xml ", "uuid")) {
            assertThat(contains(cleaned, trace)).as(trace).isFalse();
        }
        assertThat(topLevelBoxes(cleaned)).containsExactly("ftyp", "meta", "mdat");
        long[] extent = onlyItemExtent(cleaned, exifInIdat ? 1 : 0);
        assertThat(Arrays.copyOfRange(cleaned, (int) extent[0], (int) (extent[0] + extent[1])))
                .as("the picture's bytes, where iloc now says they are").isEqualTo(PhotoFiles.CODED_PICTURE);
        ByteBuffer entry = findBox(cleaned, "infe");
        assertThat(entry.remaining()).as("version, flags, id, protection, type, empty name").isEqualTo(13);
        assertThat(new String(cleaned, entry.arrayOffset() + 8, 4, StandardCharsets.ISO_8859_1)).isEqualTo("hvc1");
        assertThat(findBox(cleaned, "irot").get(0)).as("rotation kept").isEqualTo((byte) 3);
        assertThat(findBox(cleaned, "ispe").getInt(4)).isEqualTo(640);
        assertThat(findBox(cleaned, "free")).as("the description, emptied where it was").isNotNull();
        ByteBuffer ipma = findBox(cleaned, "ipma");
        assertThat(ipma.getInt(4)).as("associations of the picture only").isEqualTo(1);
        assertThat(ipma.getShort(8)).isEqualTo((short) 1);
        if (exifInIdat) {
            ByteBuffer idat = findBox(cleaned, "idat");
            assertThat(idat.remaining()).isPositive();
            while (idat.hasRemaining()) {
                assertThat(idat.get()).as("EXIF in idat overwritten").isZero();
            }
        }
    }

    @Test
    void anItemOfAnUnknownKindRefusesThePhoto() {
        byte[] photo = PhotoFiles.heic(640, 480, false);
        int type = indexOf(photo, ascii("hvc1picture"));
        System.arraycopy(ascii("zzzz"), 0, photo, type, 4);

        assertThatThrownBy(() -> clean(photo)).isInstanceOfSatisfying(PhotoRejectedException.class,
                e -> assertThat(e.problem()).isEqualTo(PhotoRejectedException.Problem.METADATA_NOT_REMOVABLE));
    }

    @Test
    void aHeicWithoutAnItemDirectoryIsRefused() {
        byte[] photo = concat(box("ftyp", concat(ascii("heic"), new byte[4], ascii("mif1heic"))),
                box("mdat", PhotoFiles.CODED_PICTURE));

        assertThatThrownBy(() -> clean(photo)).isInstanceOfSatisfying(PhotoRejectedException.class,
                e -> assertThat(e.problem()).isEqualTo(PhotoRejectedException.Problem.METADATA_NOT_REMOVABLE));
    }

    @Test
    void aPictureWhoseBytesLieOutsideTheMediaDataIsRefused() {
        byte[] photo = PhotoFiles.heic(640, 480, false);
        ByteBuffer iloc = findBox(photo, "iloc");
        iloc.putInt(14, 2); // the picture's offset: inside ftyp

        assertThatThrownBy(() -> clean(photo)).isInstanceOfSatisfying(PhotoRejectedException.class,
                e -> assertThat(e.problem()).isEqualTo(PhotoRejectedException.Problem.METADATA_NOT_REMOVABLE));
    }

    private static List<String> topLevelBoxes(byte[] heic) {
        List<String> types = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(heic);
        for (int at = 0; at < heic.length; at += b.getInt(at)) {
            assertThat(b.getInt(at)).as("box size").isGreaterThanOrEqualTo(8);
            types.add(new String(heic, at + 4, 4, StandardCharsets.ISO_8859_1));
        }
        return types;
    }

    /** The one item left in iloc (4-byte offsets and lengths, no base offset): where its bytes are, how many. */
    private static long[] onlyItemExtent(byte[] heic, int version) {
        ByteBuffer iloc = findBox(heic, "iloc");
        assertThat(iloc.get(0)).isEqualTo((byte) version);
        assertThat(iloc.getShort(6)).as("items").isEqualTo((short) 1);
        int at = 8;
        assertThat(iloc.getShort(at)).as("item id").isEqualTo((short) 1);
        at += version == 0 ? 4 : 6;
        assertThat(iloc.getShort(at)).as("extents").isEqualTo((short) 1);
        return new long[] {Integer.toUnsignedLong(iloc.getInt(at + 2)), Integer.toUnsignedLong(iloc.getInt(at + 6))};
    }
}
