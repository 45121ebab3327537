package city.gridwhistle.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void theEmbeddedRunCreatesItsKeyReadableByTheOwnerOnly() throws IOException {
        Path file = dataDir.resolve("keys").resolve("master.key");

        MasterKey.fromFile(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
    }

    @Test
    void theKeyKeptInTheFileOpensWhatItWrappedBeforeARestart() {
        Path file = dataDir.resolve("keys").resolve("master.key");
        SecretKey personKey = PersonalDataCipher.newKey();
        byte[] wrapped = MasterKey.fromFile(file).wrap("R001", personKey);

        assertThat(MasterKey.fromFile(file).unwrap("R001", wrapped).getEncoded()).isEqualTo(personKey.getEncoded());
    }

    @Test
    void aWrappedKeyCannotBeMovedToAnotherPerson() {
        MasterKey master = MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
        byte[] wrapped = master.wrap("R001", PersonalDataCipher.newKey());

        assertThatThrownBy(() -> master.unwrap("R002", wrapped)).isInstanceOf(UnreadablePersonalDataException.class);
    }

    @Test
    void aConfiguredKeyIsThirtyTwoBytes() {
        assertThatThrownBy(() -> MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32");
        assertThatThrownBy(() -> MasterKey.fromBase64("not base64!"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("base64");
    }
}
