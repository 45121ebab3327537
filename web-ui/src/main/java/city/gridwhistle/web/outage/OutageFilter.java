package city.gridwhistle.web.outage;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs right after the API's sign-in filter (which answers 503 itself when a credential cannot be checked). While
 * PostgreSQL is known to be down, a request that would change something is answered 503 at once: every write needs
 * the event store, and a client is better told to retry than kept waiting for the connection pool's timeout. Reads
 * go on, to be served from search where they can. An outage met by a later filter (idempotency keys) becomes the
 * same 503 rather than a 500.
 */
public class OutageFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final DatabaseAvailability database;
    private final ObjectMapper json;

    public OutageFilter(DatabaseAvailability database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (database.isDown() && !READS.contains(request.getMethod())) {
            write(Backend.DATABASE, request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            Optional<Backend> outage = Outages.causeOf(e);
            if (outage.isEmpty() || response.isCommitted()) {
                throw e;
            }
            if (outage.get() == Backend.DATABASE) {
                database.failed(e);
            }
            response.reset();
            write(outage.get(), request, response);
        }
    }

    private void write(Backend backend, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = problem(backend);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(database.retryAfter().toSeconds()));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The problem detail of a backend outage: the same from this filter and from the controllers' advice. */
    public static ProblemDetail problem(Backend backend) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, backend.detail());
        problem.setType(URI.create("/problems/" + backend.problemType()));
        problem.setTitle(HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
        problem.setProperty("unavailable", backend.name().toLowerCase(java.util.Locale.ROOT));
        return problem;
    }
}
