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
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in page's session keeps who signed in, and nothing asked again: an account disabled, locked or erased
 * kept its sessions working until they expired. Each request a session carries now reads the account again (one
 * row by its key) and ends the session when the account is gone, disabled, locked or acts as someone else; the
 * request then goes on unauthenticated (401 for the API, the sign-in page for pages). While PostgreSQL is down the
 * account cannot be read: the session stands, as a recently checked token does (decision 0018), and only reads can
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
                && SESSION_CHANNEL.equals(user.channel()) && !stillValid(user)) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(GridUser user) {
        if (database.isDown()) {
            return true;
        }
        try {
            return accounts.find(user.username())
                    .filter(account -> account.enabled() && !account.lockedAt(accounts.now()))
                    .filter(account -> account.role() == user.role() && account.subjectId().equals(user.subjectId()))
                    .isPresent();
        } catch (RuntimeException e) {
            if (Outages.causeOf(e).filter(Backend.DATABASE::equals).isEmpty()) {
                throw e;
            }
            database.failed(e);
            return true;
        }
    }
}
