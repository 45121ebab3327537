package city.gridwhistle.infra.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that wraps every person's data key, so that the database alone (a dump, a stolen backup) reveals no
 * personal data. It never enters the database.
 */
public final class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    private final SecretKey key;

    private MasterKey(SecretKey key) {
        this.key = key;
    }

    /** From configuration: base64 of 32 random bytes (e.g. {@code openssl rand -base64 32}). */
    public static MasterKey fromBase64(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("gridwhistle.privacy.master-key is not base64", e);
        }
        if (bytes.length != PersonalDataCipher.KEY_BYTES) {
            throw new IllegalStateException("gridwhistle.privacy.master-key must be " + PersonalDataCipher.KEY_BYTES
                    + " bytes (base64 of 32 random bytes), not " + bytes.length);
        }
        return new MasterKey(PersonalDataCipher.key(bytes));
    }

    /** The embedded run's own key: read from the file, or created there (readable by the owner only) at first start. */
    public static MasterKey fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(folder);
        }
        Path draft = Files.createTempFile(folder, "master", ".tmp");
        if (posix) {
            Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(draft, Base64.getEncoder().encodeToString(PersonalDataCipher.newKey().getEncoded()),
                StandardCharsets.US_ASCII);
        try {
            Files.move(draft, file);
            log.info("Created the master key for personal data at {}: back it up apart from the database, "
                    + "since without it no name or phone can be read", file);
        } catch (FileAlreadyExistsException createdMeanwhile) {
            Files.delete(draft);
        }
    }

    /** Wraps a person's data key; the subject is bound in, so a wrapped key cannot be moved to another person. */
    public byte[] wrap(String subjectId, SecretKey personKey) {
        return PersonalDataCipher.seal(key, personKey.getEncoded(), context(subjectId));
    }

    /** @throws UnreadablePersonalDataException when the key was wrapped for another subject or master key */
    public SecretKey unwrap(String subjectId, byte[] wrapped) {
        return PersonalDataCipher.key(PersonalDataCipher.open(key, wrapped, context(subjectId)));
    }

    private static String context(String subjectId) {
        return "person-key/" + subjectId;
    }

    @Override
    public String toString() {
        return "MasterKey[***]";
    }
}
