package city.gridwhistle.web.security;

import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Username and password against the {@code account} table, throttled per address and per name
 * ({@link SignInThrottle}). Every refusal is the same: an unknown name, a wrong password and a disabled account
 * are all "wrong username or password", and each costs one password hash, so neither the answer nor its timing
 * tells which names exist.
 */
@Component
public class PasswordAuthentication implements AuthenticationProvider {

    static final String REFUSED = "wrong username or password";
    private static final String CHANNEL = "WEB";
    private static final String UNKNOWN_ADDRESS = "unknown";

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final String dummyHash;

    public PasswordAuthentication(Accounts accounts, PasswordEncoder passwords, SignInThrottle throttle) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.dummyHash = passwords.encode("no such account");
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = String.valueOf(request.getPrincipal());
        String password = String.valueOf(request.getCredentials());
        String address = request.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : UNKNOWN_ADDRESS;
        OptionalLong wait = throttle.attempt(address, username);
        if (wait.isPresent()) {
            throw new SignInThrottledException(wait.getAsLong());
        }
        Account account = checked(username, password).orElseThrow(() -> new BadCredentialsException(REFUSED));
        throttle.succeeded(address, username);
        GridUser user = account.user(CHANNEL);
        var signedIn = UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
        signedIn.setDetails(new SignedIn(account.accessVersion()));
        return signedIn;
    }

    /** The account, when it exists, is enabled and the password is its own; one hash is checked in any case. */
    Optional<Account> checked(String username, String password) {
        Optional<Account> usable = accounts.find(username).filter(Account::enabled);
        boolean matches = passwords.matches(password, usable.map(Account::passwordHash).orElse(dummyHash));
        return usable.filter(account -> matches);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
