package city.gridwhistle.web.limits;

import city.gridwhistle.web.open311.Open311Errors;
import city.gridwhistle.web.problem.FieldError;
import city.gridwhistle.web.problem.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body by its content type before anything reads it: a body that says it is larger is refused at
 * once; one that does not say (chunked) is counted as it is read and cut off at the cap. Either answers 413 with a
 * problem naming the body and the cap (Open311 in its own format), and nothing is written: no filter, controller or
 * idempotency record has buffered it. Runs first, before security, so that even an unauthenticated flood is cut
 * short.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class BodyLimitFilter extends OncePerRequestFilter {

    private final LimitProperties limits;
    private final ObjectMapper json;

    public BodyLimitFilter(LimitProperties limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long cap = capOf(request);
        long declared = request.getContentLengthLong();
        if (declared > cap) {
            refuse(request, response, cap);
            return;
        }
        CappedRequest capped = new CappedRequest(request, cap);
        try {
            chain.doFilter(capped, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (capped.exceeded() && !response.isCommitted()) {
                response.reset();
                refuse(request, response, cap);
                return;
            }
            throw e;
        }
        if (capped.exceeded() && !response.isCommitted()) {
            // a reader that swallowed the cut (e.g. a multipart parser that answered 400): the cause was the size
            response.reset();
            refuse(request, response, cap);
        }
    }

    /** The cap for the request's content type (and the grid upload's own). */
    long capOf(HttpServletRequest request) {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            return limits.multipartBody().toBytes();
        }
        if (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            return limits.formBody().toBytes();
        }
        if (type.contains("json")) {
            return "/api/admin/grid".equals(request.getRequestURI()) ? limits.gridBody().toBytes()
                    : limits.jsonBody().toBytes();
        }
        return limits.otherBody().toBytes();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long cap) throws IOException {
        String reason = new BodyTooLargeException(cap).getMessage();
        byte[] body;
        if (request.getRequestURI().startsWith("/open311/")) {
            ResponseEntity<String> error = Open311Errors.error(request, HttpStatus.PAYLOAD_TOO_LARGE, reason);
            response.setContentType(String.valueOf(error.getHeaders().getContentType()));
            body = String.valueOf(error.getBody()).getBytes(StandardCharsets.UTF_8);
        } else {
            ProblemDetail problem = problem(new BodyTooLargeException(cap));
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            body = json.writeValueAsBytes(problem);
        }
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setHeader("Connection", "close");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        // sent now: the client may still be sending a body nobody will read
        response.flushBuffer();
    }

    /** The answer to a body over its cap, here or from a reader that met the cut. */
    public static ProblemDetail problem(BodyTooLargeException tooLarge) {
        ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", tooLarge.getMessage());
        problem.setProperty("errors", List.of(new FieldError("body", tooLarge.getMessage())));
        return problem;
    }

    /** The request with its body counted as it is read, cut off past the cap. */
    private static final class CappedRequest extends HttpServletRequestWrapper {

        private final long cap;
        private long read;
        private boolean exceeded;
        private ServletInputStream stream;

        CappedRequest(HttpServletRequest request, long cap) {
            super(request);
            this.cap = cap;
        }

        boolean exceeded() {
            return exceeded;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counted(super.getInputStream());
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
        }

        private final class Counted extends ServletInputStream {

            private final ServletInputStream in;

            Counted(ServletInputStream in) {
                this.in = in;
            }

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) throws IOException {
                read += n;
                if (read > cap) {
                    exceeded = true;
                    throw new BodyTooLargeException(cap);
                }
            }

            @Override
            public boolean isFinished() {
                return in.isFinished();
            }

            @Override
            public boolean isReady() {
                return in.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
            }
        }
    }
}
