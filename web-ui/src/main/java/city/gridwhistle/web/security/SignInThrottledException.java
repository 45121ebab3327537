package city.gridwhistle.web.security;

import org.springframework.security.core.AuthenticationException;

/**
 * Too many failed sign-ins for the name or from the address: the password was not checked. Said the same way
 * whether an account of that name exists or not.
 */
public class SignInThrottledException extends AuthenticationException {

    static final String DETAIL = "too many failed sign-ins for this name or from this address; try again later";

    private final long retryAfterSeconds;

    SignInThrottledException(long retryAfterSeconds) {
        super(DETAIL);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
