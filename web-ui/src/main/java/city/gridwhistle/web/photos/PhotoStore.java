package city.gridwhistle.web.photos;

import city.gridwhistle.api.shared.PhotoRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Content-addressed photo storage: a photo is kept once under the SHA-256 of its bytes, which is what events
 * record. Accepts only images recognised by their leading bytes, whatever the client claims. Before it is hashed, a
 * photo is stripped of its metadata (where it was taken, when, with what: decision 0044) and its size in pixels is
 * checked against {@code gridwhistle.photos.max-pixels}, both from its structure alone, without decoding it.
 */
@Component
public class PhotoStore {

    /** A stored photo's bytes and type. */
    public record Photo(byte[] bytes, String contentType) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private final PhotoProperties properties;
    private final Path root;

    public PhotoStore(PhotoProperties properties, @Value("${gridwhistle.data-dir:gridwhistle-data}") String dataDir) {
        this.properties = properties;
        this.root = (properties.directory() == null ? Path.of(dataDir, "photos") : Path.of(properties.directory()))
                .toAbsolutePath().normalize();
    }

    /** Stores the photo, or throws {@link PhotoRejectedException} saying why it is not acceptable. */
    public PhotoRef store(byte[] bytes) {
        if (bytes.length == 0) {
            throw new PhotoRejectedException(PhotoRejectedException.Problem.EMPTY, "the photo is empty");
        }
        if (bytes.length > properties.maxBytes()) {
            throw new PhotoRejectedException(PhotoRejectedException.Problem.TOO_LARGE,
                    "a photo may have at most " + properties.maxBytes() + " bytes, this one has " + bytes.length);
        }
        String contentType = imageType(bytes).orElseThrow(() -> new PhotoRejectedException(
                PhotoRejectedException.Problem.NOT_AN_IMAGE, "only JPEG, PNG, WebP or HEIC photos are accepted"));
        byte[] clean = withoutMetadata(bytes, contentType, new PixelLimit(properties.maxPixels()));
        String sha256 = sha256(clean);
        Path target = pathOf(sha256);
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Path partial = Files.createTempFile(target.getParent(), sha256, ".part");
                Files.write(partial, clean);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store photo " + sha256, e);
        }
        return new PhotoRef(sha256, contentType, clean.length);
    }

    /** The photo as it will be kept: the same pixels, the same bytes coding them, and no metadata. */
    static byte[] withoutMetadata(byte[] bytes, String contentType, PixelLimit limit) {
        return switch (contentType) {
            case "image/jpeg" -> JpegMetadata.strip(bytes, limit);
            case "image/png" -> PngMetadata.strip(bytes, limit);
            case "image/webp" -> WebpMetadata.strip(bytes, limit);
            case "image/heic" -> HeicMetadata.strip(bytes, limit);
            default -> throw new IllegalArgumentException(contentType);
        };
    }

    public Optional<Photo> load(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Path path = pathOf(sha256);
        try {
            if (!Files.exists(path)) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(path);
            return Optional.of(new Photo(bytes, imageType(bytes).orElse("application/octet-stream")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference of a stored photo, as events record it. */
    public Optional<PhotoRef> reference(String sha256) {
        return load(sha256).map(photo -> new PhotoRef(sha256, photo.contentType(), photo.bytes().length));
    }

    public int maxCount() {
        return properties.maxCount();
    }

    private Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    static Optional<String> imageType(byte[] b) {
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of("image/webp");
        }
        if (startsWith(b, 4, 'f', 't', 'y', 'p') && b.length >= 12) {
            String brand = new String(Arrays.copyOfRange(b, 8, 12), java.nio.charset.StandardCharsets.US_ASCII);
            if (brand.startsWith("hei") || brand.startsWith("mif1") || brand.startsWith("hev")) {
                return Optional.of("image/heic");
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
