package city.gridwhistle.api.shared;

/**
 * A command that cannot be carried out as asked, naming the field at fault and why. Nothing is written when it
 * is thrown; the web layer turns it into a problem detail whose type is the {@link Reason}.
 */
public class CommandRejectedException extends RuntimeException {

    public enum Reason {
        UNKNOWN_CATEGORY,
        OUTSIDE_GRID,
        INVALID_FIELD,
        UNKNOWN_WORKER,
        UNKNOWN_CELL,
        /** The person's data was erased: nothing personal is recorded for them again. */
        PERSONAL_DATA_ERASED
    }

    private final Reason reason;
    private final String field;

    public CommandRejectedException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
