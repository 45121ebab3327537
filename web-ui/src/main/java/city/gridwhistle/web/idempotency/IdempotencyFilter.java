package city.gridwhistle.web.idempotency;

import city.gridwhistle.web.idempotency.IdempotencyKeys.Claim;
import city.gridwhistle.web.idempotency.IdempotencyKeys.StoredResponse;
import city.gridwhistle.web.security.GridUser;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes the creating POSTs safe to retry. With an {@code Idempotency-Key} header, the first request claims the key
 * for its caller and its SHA-256 (method, path, body); a successful (2xx) answer is kept, and the same request
 * again gets that answer (status, {@code Location}, body) with {@code Idempotent-Replayed: true} instead of
 * running again. The key with another request is 422; while the first is still running, 409. An answer that is
 * not a success created nothing, so the key is released and may be retried. Without the header nothing changes.
 * <p>
 * It runs inside the API's security filter chain, after authorization, so the caller is known and a request the
 * caller may not make is refused before it claims anything.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;
    private static final Set<String> CREATING_POSTS = Set.of("/api/reports", "/api/photos", "/api/admin/accounts",
            "/api/admin/api-keys", "/api/admin/stations", "/api/admin/webhooks");
    /**
     * Answers that carry a secret shown once (an API key, a webhook secret): a replay repeats the status and
     * Location but not the body, so the secret is never kept in the database.
     */
    private static final Set<String> SECRET_ANSWERS = Set.of("/api/admin/api-keys", "/api/admin/webhooks");

    private final IdempotencyKeys keys;
    private final ObjectMapper json;

    public IdempotencyFilter(IdempotencyKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !CREATING_POSTS.contains(path(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            problem(request, response, HttpStatus.BAD_REQUEST, "invalid-idempotency-key",
                    "an Idempotency-Key is 1 to 255 visible ASCII characters, e.g. a UUID");
            return;
        }
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null || !(signedIn.getPrincipal() instanceof GridUser caller)) {
            chain.doFilter(request, response);
            return;
        }
        String username = caller.username();
        HttpServletRequest readable = request;
        byte[] hash;
        if (isMultipart(request)) {
            try {
                hash = hashOfParts(request);
            } catch (IllegalStateException tooLarge) {
                // the container refused the parts (over the size limit): the controller answers that as usual
                chain.doFilter(request, response);
                return;
            }
        } else {
            byte[] body = request.getInputStream().readAllBytes();
            hash = hashOf(request, body);
            readable = new BodyRequest(request, body);
        }
        switch (keys.claim(username, key, hash)) {
            case Claim.Granted granted -> proceed(readable, response, chain, username, key);
            case Claim.Answered answered -> replay(answered.response(), response);
            case Claim.InProgress busy -> problem(request, response, HttpStatus.CONFLICT, "idempotency-key-in-progress",
                    "a request with this Idempotency-Key is still being processed; retry in a moment");
            case Claim.OtherRequest other -> problem(request, response, HttpStatus.UNPROCESSABLE_ENTITY,
                    "idempotency-key-reused",
                    "this Idempotency-Key was used for a different request; use a new key for a new request");
        }
    }

    private void proceed(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String username,
                         String key) throws ServletException, IOException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, recorded);
            int status = recorded.getStatus();
            if (status >= 200 && status < 300) {
                boolean secret = SECRET_ANSWERS.contains(path(request));
                keys.answer(username, key, new StoredResponse(status, recorded.getHeader(HttpHeaders.LOCATION),
                        secret ? null : recorded.getContentType(), secret ? null : recorded.getContentAsByteArray()));
                kept = true;
            }
        } finally {
            if (!kept) {
                keys.release(username, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        response.setHeader(REPLAYED, "true");
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.body() != null) {
            response.setContentLength(stored.body().length);
            response.getOutputStream().write(stored.body());
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                         String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(status.getReasonPhrase());
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /**
     * A multipart body is hashed part by part (name, file name, type, bytes), not as sent: the boundary differs
     * between two sends of the same content. The container parses the parts once; the controller reads them again.
     */
    private static byte[] hashOfParts(HttpServletRequest request) throws IOException, ServletException {
        MessageDigest digest = digestOf(request);
        for (Part part : request.getParts()) {
            update(digest, part.getName());
            update(digest, part.getSubmittedFileName());
            update(digest, part.getContentType());
            try (InputStream content = part.getInputStream()) {
                byte[] bytes = content.readAllBytes();
                update(digest, Integer.toString(bytes.length));
                digest.update(bytes);
            }
        }
        return digest.digest();
    }

    private static byte[] hashOf(HttpServletRequest request, byte[] body) {
        MessageDigest digest = digestOf(request);
        digest.update(body);
        return digest.digest();
    }

    private static MessageDigest digestOf(HttpServletRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, request.getMethod());
            update(digest, path(request));
            return digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void update(MessageDigest digest, String value) {
        digest.update((value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** The request with its body already read, so the controller can read it again. */
    private static final class BodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream content = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return content.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }

                @Override
                public int read() {
                    return content.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return content.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
