package city.gridwhistle.web.photos;

/** An upload that is not an acceptable photo; nothing was stored. */
public class PhotoRejectedException extends RuntimeException {

    public enum Problem {
        EMPTY,
        TOO_LARGE,
        NOT_AN_IMAGE,
        TOO_MANY,
        /** Cut short, or its structure contradicts itself: it cannot be read, so neither can its metadata. */
        MALFORMED,
        /** More pixels than {@code gridwhistle.photos.max-pixels}, read from its header: nothing was decoded. */
        TOO_MANY_PIXELS,
        /** A well-formed photo holding something the store cannot remove safely; it is not kept with it. */
        METADATA_NOT_REMOVABLE
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
