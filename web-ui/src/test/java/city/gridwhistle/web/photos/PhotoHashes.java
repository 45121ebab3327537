package city.gridwhistle.web.photos;

import java.nio.file.Path;
import java.time.Duration;

/** The hash a photo is kept under, as the store computes it, for tests that look for its file. */
final class PhotoHashes {

    private static final PhotoStore STORE = new PhotoStore(new PhotoProperties(10_485_760, 5,
            Path.of("target", "unused-photos").toString(), 64_000_000, Duration.ofDays(1)), "unused", null, null);

    private PhotoHashes() {
    }

    static String sha256Of(byte[] photo) {
        return STORE.prepare(photo).sha256();
    }
}
