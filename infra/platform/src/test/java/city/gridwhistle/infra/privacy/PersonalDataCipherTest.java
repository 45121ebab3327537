package city.gridwhistle.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

    private static final String NAME = "钱伟";
    private final SecretKey key = PersonalDataCipher.newKey();

    @Test
    void aSealedValueOpensWithItsKeyAndContext() {
        byte[] sealed = PersonalDataCipher.sealText(key, NAME, "rider/R001/name");

        assertThat(PersonalDataCipher.openText(key, sealed, "rider/R001/name")).isEqualTo(NAME);
    }

    @Test
    void theSealedValueHoldsNoTraceOfThePlaintext() {
        byte[] sealed = PersonalDataCipher.sealText(key, NAME, "rider/R001/name");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(NAME.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }

    @Test
    void theSameValueSealsDifferentlyEachTime() {
        assertThat(PersonalDataCipher.sealText(key, NAME, "rider/R001/name"))
                .isNotEqualTo(PersonalDataCipher.sealText(key, NAME, "rider/R001/name"));
    }

    @Test
    void aValueSealedForRiderADoesNotOpenForRiderB() {
        byte[] sealed = PersonalDataCipher.sealText(key, NAME, "rider/R001/name");

        assertThatThrownBy(() -> PersonalDataCipher.openText(key, sealed, "rider/R002/name"))
                .isInstanceOf(UnreadablePersonalDataException.class);
    }

    @Test
    void aNameDoesNotOpenAsAPhone() {
        byte[] sealed = PersonalDataCipher.sealText(key, NAME, "rider/R001/name");

        assertThatThrownBy(() -> PersonalDataCipher.openText(key, sealed, "rider/R001/phone"))
                .isInstanceOf(UnreadablePersonalDataException.class);
    }

    @Test
    void aTamperedValueDoesNotOpen() {
        for (int i = 0; i < PersonalDataCipher.sealText(key, NAME, "c").length; i++) {
            byte[] sealed = PersonalDataCipher.sealText(key, NAME, "c");
            sealed[i] ^= 0x01;

            assertThatThrownBy(() -> PersonalDataCipher.openText(key, sealed, "c")).as("byte %d flipped", i)
                    .isInstanceOf(UnreadablePersonalDataException.class);
        }
    }

    @Test
    void aTruncatedValueDoesNotOpen() {
        byte[] sealed = PersonalDataCipher.sealText(key, NAME, "c");

        assertThatThrownBy(() -> PersonalDataCipher.open(key, java.util.Arrays.copyOf(sealed, 20), "c"))
                .isInstanceOf(UnreadablePersonalDataException.class);
    }

    @Test
    void anotherKeyDoesNotOpenIt() {
        byte[] sealed = PersonalDataCipher.sealText(key, NAME, "c");

        assertThatThrownBy(() -> PersonalDataCipher.openText(PersonalDataCipher.newKey(), sealed, "c"))
                .isInstanceOf(UnreadablePersonalDataException.class);
    }
}
