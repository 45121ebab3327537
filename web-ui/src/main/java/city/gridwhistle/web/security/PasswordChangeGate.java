package city.gridwhistle.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After an administrator's reset, the account's owner may only choose a new password: every other API call is
 * refused with 403 {@code password-change-required} (signing out excepted), and every page but the password page
 * sends them there. Whoever read the account for this request (the token check, the session check) says so in a
 * request attribute, so the gate costs no query of its own.
 */
class PasswordChangeGate extends OncePerRequestFilter {

    /** Set to {@code Boolean.TRUE} on a request whose caller must change their password first. */
    static final String REQUIRED = PasswordChangeGate.class.getName() + ".required";
    static final String PAGE = "/account/password";
    private static final Set<String> ALLOWED = Set.of("POST /api/auth/password", "POST /api/auth/logout",
            "GET " + PAGE, "POST " + PAGE, "POST /logout");
    private static final String[] RESOURCES = {"/css/", "/js/", "/img/", "/webjars/", "/favicon.ico", "/error",
        "/problems/"};

    private final ProblemResponses problems;

    PasswordChangeGate(ProblemResponses problems) {
        this.problems = problems;
    }

    static void mark(HttpServletRequest request, boolean required) {
        if (required) {
            request.setAttribute(REQUIRED, Boolean.TRUE);
        } else {
            request.removeAttribute(REQUIRED);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!Boolean.TRUE.equals(request.getAttribute(REQUIRED)) || allowed(request)) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
            problems.write(response, HttpStatus.FORBIDDEN, "password-change-required",
                    "your password was reset: choose a new one (POST /api/auth/password) before anything else", request);
        } else {
            response.sendRedirect(request.getContextPath() + PAGE);
        }
    }

    private static boolean allowed(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String resource : RESOURCES) {
            if (path.startsWith(resource)) {
                return true;
            }
        }
        return ALLOWED.contains(request.getMethod() + " " + path);
    }
}
