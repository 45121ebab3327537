package city.gridwhistle.web.live;

/**
 * A live stream refused before it opened: the caller already holds as many as one account may ({@link #overall()}
 * false, answered 429), or this instance holds as many as it may ({@link #overall()} true, answered 503). Either is
 * answered with {@code Retry-After}.
 */
public class StreamRefusedException extends RuntimeException {

    private final boolean overall;
    private final long retryAfterSeconds;

    StreamRefusedException(boolean overall, long retryAfterSeconds, String message) {
        super(message);
        this.overall = overall;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Refused because this instance is full, not because of the caller. */
    public boolean overall() {
        return overall;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
