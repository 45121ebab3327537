package city.gridwhistle.web.photos;

/** An upload that is not an acceptable photo; nothing was stored. */
public class PhotoRejectedException extends RuntimeException {

    public enum Problem {
        EMPTY,
        TOO_LARGE,
        NOT_AN_IMAGE,
        TOO_MANY
    }

    private final Problem problem;

    public PhotoRejectedException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
