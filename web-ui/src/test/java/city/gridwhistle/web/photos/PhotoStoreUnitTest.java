package city.gridwhistle.web.photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.gridwhistle.api.shared.PhotoRef;
import java.awt.Color;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotoStoreUnitTest {

    @TempDir
    Path directory;

    @Test
    void aPhotoIsPreparedAndNamedWithoutItsMetadata() throws IOException, NoSuchAlgorithmException {
        PhotoStore store = store(64_000_000);
        byte[] photo = PhotoFiles.jpeg(Color.ORANGE, PhotoFiles.phoneSegments(ByteOrder.BIG_ENDIAN), new byte[0]);

        PhotoRef stored = store.prepare(photo).ref();

        byte[] kept = store.prepare(photo).bytes();
        assertThat(kept).isEqualTo(PhotoFiles.clean(photo));
        assertThat(PhotoFiles.contains(kept, PhotoFiles.LATITUDE)).isFalse();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(kept);
        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(digest));
        assertThat(stored.sizeBytes()).isEqualTo(kept.length);
        assertThat(stored.contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void aPhotoOverThePixelLimitLeavesNothingBehind() throws IOException {
        PhotoStore store = store(1_000);

        assertThatThrownBy(() -> store.prepare(city.gridwhistle.web.pages.Pictures.jpeg(Color.RED)))
                .isInstanceOfSatisfying(PhotoRejectedException.class,
                        e -> assertThat(e.problem()).isEqualTo(PhotoRejectedException.Problem.TOO_MANY_PIXELS));

        try (Stream<Path> files = Files.walk(directory)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    private PhotoStore store(long maxPixels) {
        // preparing a photo touches neither the database nor the files
        return new PhotoStore(new PhotoProperties(10_485_760, 5, directory.toString(), maxPixels, Duration.ofDays(1)),
                "unused", null, null);
    }
}
