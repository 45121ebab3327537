package city.gridwhistle.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.OptionalLong;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changing one's own password and an administrator's reset. Either gives the account a new access version, which
 * ends its sessions and tokens on every instance at their next request; a change keeps the caller's own token or
 * session, which moves on to the new version, and ends the others.
 */
@Component
public class Passwords {

    /** A temporary password as an administrator's reset hands it out, once. */
    public record Reset(String username, String temporaryPassword, boolean mustChangePassword) {

        @Override
        public String toString() {
            return "Reset[" + username + "]";
        }
    }

    private static final int TEMPORARY_BYTES = 12;

    private final Accounts accounts;
    private final AccessTokens tokens;
    private final PasswordAuthentication authentication;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final SignInThrottle throttle;
    private final TransactionTemplate transactions;

    Passwords(Accounts accounts, AccessTokens tokens, PasswordAuthentication authentication, PasswordPolicy policy,
              PasswordEncoder encoder, SignInThrottle throttle, TransactionTemplate transactions) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.authentication = authentication;
        this.policy = policy;
        this.encoder = encoder;
        this.throttle = throttle;
        this.transactions = transactions;
    }

    /**
     * The owner's change: the current password is checked as a sign-in is (and throttled like one, so a stolen
     * session cannot guess it), the new one against the policy.
     *
     * @param keptTokenHash the caller's own token, which goes on working; null for a page's session
     * @return the account's new access version
     */
    public long change(String username, String address, String currentPassword, String newPassword,
                       String keptTokenHash) {
        OptionalLong wait = throttle.attempt(address, username);
        if (wait.isPresent()) {
            throw new SignInThrottledException(wait.getAsLong());
        }
        if (authentication.checked(username, currentPassword).isEmpty()) {
            throw new WrongPasswordException();
        }
        throttle.succeeded(address, username);
        policy.check("newPassword", username, newPassword);
        if (newPassword.equals(currentPassword)) {
            throw new PasswordRejectedException("newPassword", "unchanged", "the new password is the current one");
        }
        String hash = encoder.encode(newPassword);
        return transactions.execute(status -> {
            long version = accounts.setPassword(username, hash, false).orElseThrow();
            tokens.endAllOfBut(username, keptTokenHash, version);
            return version;
        });
    }

    /** An administrator's reset: a random temporary password, to be changed at the next sign-in. */
    public java.util.Optional<Reset> reset(String username) {
        String temporary = Secrets.random(TEMPORARY_BYTES);
        String hash = encoder.encode(temporary);
        boolean done = Boolean.TRUE.equals(transactions.execute(status -> {
            if (accounts.setPassword(username, hash, true).isEmpty()) {
                return false;
            }
            tokens.endAllOf(username);
            return true;
        }));
        if (!done) {
            return java.util.Optional.empty();
        }
        throttle.forgetName(username);
        return java.util.Optional.of(new Reset(username, temporary, true));
    }

    /** The page's session that changed the password moves on to the account's new version; the others end. */
    public static void keepThisSession(HttpServletRequest request, long version) {
        HttpSession session = request.getSession(false);
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (session == null || current == null) {
            return;
        }
        var moved = UsernamePasswordAuthenticationToken.authenticated(current.getPrincipal(), null,
                current.getAuthorities());
        moved.setDetails(new SignedIn(version));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(moved);
        SecurityContextHolder.setContext(context);
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
    }
}
