package city.gridwhistle.infra.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a fresh 96-bit IV per value. The context (whose value, which field) is bound in as associated
 * data, so a ciphertext copied to another person or another field fails to open rather than lying. A sealed value
 * is {@code iv || ciphertext || tag}.
 */
public final class PersonalDataCipher {

    public static final int KEY_BYTES = 32;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PersonalDataCipher() {
    }

    public static SecretKey newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return key(bytes);
    }

    public static SecretKey key(byte[] bytes) {
        if (bytes == null || bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key has " + KEY_BYTES + " bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public static byte[] seal(SecretKey key, byte[] plaintext, String context) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(plaintext);
            byte[] sealed = Arrays.copyOf(iv, IV_BYTES + ciphertext.length);
            System.arraycopy(ciphertext, 0, sealed, IV_BYTES, ciphertext.length);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** @throws UnreadablePersonalDataException when the value was altered, or sealed for another context or key */
    public static byte[] open(SecretKey key, byte[] sealed, String context) {
        if (sealed == null || sealed.length < IV_BYTES + TAG_BITS / 8) {
            throw new UnreadablePersonalDataException(context);
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new UnreadablePersonalDataException(context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    public static byte[] sealText(SecretKey key, String plaintext, String context) {
        return seal(key, plaintext.getBytes(StandardCharsets.UTF_8), context);
    }

    public static String openText(SecretKey key, byte[] sealed, String context) {
        return new String(open(key, sealed, context), StandardCharsets.UTF_8);
    }
}
