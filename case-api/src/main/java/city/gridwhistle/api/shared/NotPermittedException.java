package city.gridwhistle.api.shared;

/** The actor may not do this (wrong role, or not their case). Nothing was written; answered 403. */
public class NotPermittedException extends RuntimeException {

    private final String action;

    public NotPermittedException(String action, String message) {
        super(message);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
