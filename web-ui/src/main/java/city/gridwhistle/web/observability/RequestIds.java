package city.gridwhistle.web.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every HTTP request has an id: the caller's {@code X-Request-Id} when it is a plain token (a gateway's or an app's
 * own), otherwise a new random UUID. It is answered in the same header and put in the log context as {@code requestId}, so
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
        return given != null && PLAIN.matcher(given).matches() ? given : randomId();
    }

    /**
     * A random (version 4) UUID from the thread's own generator: a request id needs to be unique, not unguessable,
     * and {@code UUID.randomUUID()} draws from the JVM's one shared secure generator, behind a lock that every
     * request thread queued on under load.
     */
    static String randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
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
