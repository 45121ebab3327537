package city.gridwhistle.infra.privacy;

import java.util.Base64;
import java.util.Optional;

/**
 * Short personal texts (a pseudonym, a display name) sealed under their person's key, as base64, for places the
 * key cannot follow them: events, which are never rewritten. Destroying the person's key ({@link PersonKeys}) leaves
 * such a text unreadable wherever it was copied; whoever opens it then learns that it was erased, never the text.
 * The subject and the field are bound in, so a sealed text moved to another person or field does not open.
 */
public class SealedTexts {

    private final PersonKeys keys;

    public SealedTexts(PersonKeys keys) {
        this.keys = keys;
    }

    /**
     * @throws IllegalStateException when the subject's key was destroyed
     */
    public String seal(String subjectId, String field, String text) {
        return Base64.getEncoder().encodeToString(
                PersonalDataCipher.sealText(keys.keyFor(subjectId), text, context(subjectId, field)));
    }

    /**
     * The text, or empty when the subject's key was destroyed (the text was erased).
     *
     * @throws UnreadablePersonalDataException when the text was altered, or sealed for another subject or field
     * @throws IllegalStateException when the subject has no key and was never erased: the key table is incomplete
     */
    public Optional<String> open(String subjectId, String field, String sealed) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException notBase64) {
            throw new UnreadablePersonalDataException(context(subjectId, field));
        }
        var key = keys.find(subjectId);
        if (key.isPresent()) {
            return Optional.of(PersonalDataCipher.openText(key.get(), bytes, context(subjectId, field)));
        }
        if (keys.destroyed(subjectId)) {
            return Optional.empty();
        }
        throw new IllegalStateException(subjectId + " has sealed data but no key, and was never erased");
    }

    /**
     * A value recorded either sealed or, before it was sealed, in plain: the plain one as it is, the sealed one
     * opened; empty when there is none or it was erased.
     */
    public Optional<String> openOrPlain(String subjectId, String field, String sealed, String plain) {
        return sealed != null ? open(subjectId, field, sealed) : Optional.ofNullable(plain);
    }

    private static String context(String subjectId, String field) {
        return "sealed/" + subjectId + "/" + field;
    }
}
