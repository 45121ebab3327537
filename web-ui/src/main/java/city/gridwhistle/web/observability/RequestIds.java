package city.gridwhistle.web.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every HTTP request has an id: the caller's {@code X-Request-Id} when it is a plain token (a gateway's or an app's
 * own), otherwise a new UUID. It is answered in the same header and put in the log context as {@code requestId}, so
 * every log line written for the request, including the command handlers' (they run on the request's thread), can be
 * found by it; {@link city.gridwhistle.LogCorrelation} adds the Axon trace id that then follows the events.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIds extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    private static String idFor(String given) {
        return given != null && PLAIN.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // an asynchronous dispatch (a stream's completion) keeps the id its request was given
        String id = request.getAttribute(MDC_KEY) instanceof String known ? known : idFor(request.getHeader(HEADER));
        request.setAttribute(MDC_KEY, id);
        MDC.put(MDC_KEY, id);
        if (!response.isCommitted()) {
            response.setHeader(HEADER, id);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
