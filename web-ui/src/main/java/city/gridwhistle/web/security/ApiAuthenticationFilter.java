package city.gridwhistle.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import city.gridwhistle.web.outage.BackendUnavailableException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls by {@code Authorization: Bearer <token>} or {@code X-Api-Key: <key>}. Presented but
 * wrong, expired or revoked credentials are answered 401 at once; none at all leaves the request anonymous.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-Api-Key";
    private static final String BEARER = "Bearer ";

    private final AccessTokens tokens;
    private final ApiKeys apiKeys;
    private final ProblemResponses problems;

    ApiAuthenticationFilter(AccessTokens tokens, ApiKeys apiKeys, ProblemResponses problems) {
        this.tokens = tokens;
        this.apiKeys = apiKeys;
        this.problems = problems;
    }

    /** A streamed response completes in a second, asynchronous dispatch: it must be authenticated too. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        String apiKey = request.getHeader(API_KEY_HEADER);
        Optional<RememberedCredentials.Checked> user;
        try {
            user = authenticate(authorization, apiKey, request, response);
        } catch (BackendUnavailableException e) {
            // the credential cannot be checked now: say so (503), never 401, which would make apps drop it
            problems.unavailable(request, response, e.backend());
            return;
        }
        if (user == null) {
            return;
        }
        user.ifPresent(checked -> {
            GridUser u = checked.user();
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(u, null, u.authorities()));
            PasswordChangeGate.mark(request, checked.passwordChangeRequired());
        });
        chain.doFilter(request, response);
    }

    /** The caller, empty when anonymous, or null when the answer (401) has been written. */
    private Optional<RememberedCredentials.Checked> authenticate(String authorization, String apiKey,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<RememberedCredentials.Checked> user;
        if (authorization != null && authorization.startsWith(BEARER)) {
            user = tokens.checked(authorization.substring(BEARER.length()).trim());
            if (user.isEmpty()) {
                problems.invalidCredentials(request, response, "the token is unknown, expired or revoked");
                return null;
            }
        } else if (apiKey != null) {
            user = apiKeys.checked(apiKey.trim());
            if (user.isEmpty()) {
                problems.invalidCredentials(request, response, "the API key is unknown, expired or revoked");
                return null;
            }
        } else {
            user = Optional.empty();
        }
        return user;
    }
}
