package city.gridwhistle.web.limits;

import java.io.IOException;

/** A request body read past its cap ({@link BodyLimitFilter}): answered 413, and nothing is written. */
public class BodyTooLargeException extends IOException {

    private final long cap;

    BodyTooLargeException(long cap) {
        super("the body may have at most " + cap + " bytes for its content type");
        this.cap = cap;
    }

    public long cap() {
        return cap;
    }

    /** The cut found among an exception's causes, when a reader wrapped it. */
    public static java.util.Optional<BodyTooLargeException> in(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return java.util.Optional.of(tooLarge);
            }
        }
        return java.util.Optional.empty();
    }
}
