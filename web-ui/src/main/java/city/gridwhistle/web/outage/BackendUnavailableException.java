package city.gridwhistle.web.outage;

/** A request that cannot be served because a backend it needs is down: answered 503 with {@code Retry-After}. */
public class BackendUnavailableException extends RuntimeException {

    private final Backend backend;

    public BackendUnavailableException(Backend backend, String message) {
        super(message);
        this.backend = backend;
    }

    public Backend backend() {
        return backend;
    }
}
