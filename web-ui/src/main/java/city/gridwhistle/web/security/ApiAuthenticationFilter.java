package city.gridwhistle.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
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
        Optional<GridUser> user;
        if (authorization != null && authorization.startsWith(BEARER)) {
            user = tokens.authenticate(authorization.substring(BEARER.length()).trim());
            if (user.isEmpty()) {
                problems.invalidCredentials(request, response, "the token is unknown, expired or revoked");
                return;
            }
        } else if (apiKey != null) {
            user = apiKeys.authenticate(apiKey.trim());
            if (user.isEmpty()) {
                problems.invalidCredentials(request, response, "the API key is unknown or revoked");
                return;
            }
        } else {
            user = Optional.empty();
        }
        user.ifPresent(u -> SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(u, null, u.authorities())));
        chain.doFilter(request, response);
    }
}
