package city.gridwhistle.infra.privacy;

/**
 * A sealed value does not open: it was altered, moved to another person or field, or the master key is not the
 * one it was sealed under. Never mistaken for an erasure, which is recorded as such.
 */
public class UnreadablePersonalDataException extends IllegalStateException {

    public UnreadablePersonalDataException(String context) {
        super("personal data '" + context + "' does not open: altered, misplaced, or sealed under another key");
    }
}
