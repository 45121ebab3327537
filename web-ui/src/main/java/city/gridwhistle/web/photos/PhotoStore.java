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
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public PhotoStore(PhotoProperties properties, @Value("${gridwhistle.data-dir:gridwhistle-data}") String dataDir,
                      JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.properties = properties;
        this.root = (properties.directory() == null ? Path.of(dataDir, "photos") : Path.of(properties.directory()))
                .toAbsolutePath().normalize();
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * A photo checked and cleaned, not yet stored: its hash, type and the bytes that will be kept.
     *
     * @param bytes the photo without its metadata
     */
    public record Prepared(String sha256, String contentType, byte[] bytes) {

        public PhotoRef ref() {
            return new PhotoRef(sha256, contentType, bytes.length);
        }
    }

    /**
     * Checks the photo and strips it of its metadata, without storing anything; throws
     * {@link PhotoRejectedException} saying why it is not acceptable.
     */
    public Prepared prepare(byte[] bytes) {
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
        return new Prepared(sha256(clean), contentType, clean);
    }

    /**
     * Keeps a prepared photo as one its uploader sent: they may read it back, and until a case holds it, it is an
     * upload that expires ({@link PhotoExpiry}). The record and the file are written under the hash's lock, the one
     * {@link #deleteIfUnclaimed} takes, so a cleanup never takes a file that an upload of the same bytes needs.
     */
    public PhotoRef keep(Prepared photo, String uploaderId) {
        transactions.executeWithoutResult(status -> {
            lock(photo.sha256());
            jdbc.update("""
                    insert into photo_upload (sha256, uploaded_by, uploaded_at) values (?, ?, now())
                    on conflict (sha256, uploaded_by) do update set uploaded_at = excluded.uploaded_at""",
                    photo.sha256(), uploaderId);
            Path target = pathOf(photo.sha256());
            try {
                if (!Files.exists(target)) {
                    Files.createDirectories(target.getParent());
                    Path partial = Files.createTempFile(target.getParent(), photo.sha256(), ".part");
                    Files.write(partial, photo.bytes());
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store photo " + photo.sha256(), e);
            }
        });
        return photo.ref();
    }

    /** Checks, cleans and keeps the photo in one go: {@link #prepare}, then {@link #keep}. */
    public PhotoRef store(byte[] bytes, String uploaderId) {
        return keep(prepare(bytes), uploaderId);
    }

    /**
     * Takes back the uploads of a report that was refused: the uploader's record of each, and the file when
     * nobody else has sent it and no case holds it ({@code referenced} says which of them a case holds).
     */
    public void forget(List<PhotoRef> photos, String uploaderId, Predicate<String> referenced) {
        for (PhotoRef photo : photos) {
            jdbc.update("delete from photo_upload where sha256 = ? and uploaded_by = ?", photo.sha256(), uploaderId);
            deleteIfUnclaimed(photo.sha256(), referenced);
        }
    }

    /** Whether this uploader sent the photo (and its upload has not expired): they may read it back. */
    public boolean uploadedBy(String sha256, String uploaderId) {
        return uploaderId != null && !jdbc.queryForList("select 1 from photo_upload where sha256 = ? and uploaded_by = ?",
                Integer.class, sha256, uploaderId).isEmpty();
    }

    /**
     * Deletes the photo's file when no upload record claims it and no case holds it, and says whether it did.
     * Under the hash's lock, the one {@link #keep} takes, so an upload of the same bytes arriving meanwhile keeps it.
     */
    boolean deleteIfUnclaimed(String sha256, Predicate<String> referenced) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            lock(sha256);
            boolean claimed = !jdbc.queryForList("select 1 from photo_upload where sha256 = ? limit 1", Integer.class,
                    sha256).isEmpty();
            if (claimed || referenced.test(sha256)) {
                return false;
            }
            try {
                return Files.deleteIfExists(pathOf(sha256));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete photo " + sha256, e);
            }
        }));
    }

    private void lock(String sha256) {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext(?))", "photo:" + sha256);
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
