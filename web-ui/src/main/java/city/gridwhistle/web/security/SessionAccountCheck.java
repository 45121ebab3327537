package city.gridwhistle.web.security;

import city.gridwhistle.web.outage.Backend;
import city.gridwhistle.web.outage.DatabaseAvailability;
import city.gridwhistle.web.outage.Outages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in page's session keeps who signed in, and nothing asked again: an account disabled, locked or erased
 * kept its sessions working until they expired. Each request a session carries now reads the account again (one
 * row by its key) and ends the session when the account is gone, disabled, acts as someone else, or its access
 * version moved on since the sign-in (a password changed or reset, a role or district changed, decision 0048); the
 * request then goes on unauthenticated (401 for the API, the sign-in page for pages). It also tells the
 * {@link PasswordChangeGate} whether the owner must choose a password first. While PostgreSQL is down the account
 * cannot be read: the session stands, as a recently checked token does (decision 0018), and only reads can
 * succeed then.
 */
class SessionAccountCheck extends OncePerRequestFilter {

    /** The channel of users signed in through the page's form, whose identity lives in the session. */
    private static final String SESSION_CHANNEL = "WEB";

    private final Accounts accounts;
    private final DatabaseAvailability database;

    SessionAccountCheck(Accounts accounts, DatabaseAvailability database) {
        this.accounts = accounts;
        this.database = database;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof GridUser user
                && SESSION_CHANNEL.equals(user.channel())) {
            Optional<Account> account = current(user, authentication.getDetails());
            if (account.isEmpty()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else {
                PasswordChangeGate.mark(request, account.get().mustChangePassword());
            }
        }
        chain.doFilter(request, response);
    }

    /** The account as it stands, if the session still counts; while the database is down, as it was signed in. */
    private Optional<Account> current(GridUser user, Object details) {
        if (database.isDown()) {
            return Optional.of(asSignedIn(user));
        }
        try {
            return accounts.find(user.username())
                    .filter(Account::enabled)
                    .filter(account -> account.role() == user.role() && account.subjectId().equals(user.subjectId()))
                    .filter(account -> details instanceof SignedIn signedIn
                            && signedIn.accessVersion() == account.accessVersion());
        } catch (RuntimeException e) {
            if (Outages.causeOf(e).filter(Backend.DATABASE::equals).isEmpty()) {
                throw e;
            }
            database.failed(e);
            return Optional.of(asSignedIn(user));
        }
    }

    private static Account asSignedIn(GridUser user) {
        return new Account(user.username(), null, user.role(), user.subjectId(), null, user.unit(), true, 0, false);
    }
}
