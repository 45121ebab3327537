package city.gridwhistle.web.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Username and password against the {@code account} table, with lock-out: wrong passwords are counted, and a
 * locked account is refused even with the right password until the lock expires. Unknown users cost the same
 * hashing work as known ones, so timing does not tell which usernames exist.
 */
@Component
public class PasswordAuthentication implements AuthenticationProvider {

    private static final String CHANNEL = "WEB";

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final String dummyHash;

    public PasswordAuthentication(Accounts accounts, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.dummyHash = passwords.encode("no such account");
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = String.valueOf(request.getPrincipal());
        String password = String.valueOf(request.getCredentials());
        var found = accounts.find(username);
        if (found.isEmpty()) {
            passwords.matches(password, dummyHash);
            throw new BadCredentialsException("wrong username or password");
        }
        Account account = found.get();
        if (!account.enabled()) {
            throw new DisabledException("the account is disabled");
        }
        if (account.lockedAt(accounts.now())) {
            throw new LockedException("too many wrong passwords; the account is locked until " + account.lockedUntil());
        }
        if (!passwords.matches(password, account.passwordHash())) {
            accounts.recordFailure(username);
            throw new BadCredentialsException("wrong username or password");
        }
        accounts.recordSuccess(username);
        GridUser user = account.user(CHANNEL);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
