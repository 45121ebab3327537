package city.gridwhistle.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Raw HTTP against the running server, with exactly the credentials a test chooses (a bearer token, an API key, or
 * none) and no redirects followed: what a client sees, status, headers and body, without any client-side helping.
 */
final class Http {

    /** How a call proves who it is. */
    record Credential(String header, String value) {

        static final Credential NONE = new Credential(null, null);

        static Credential bearer(String token) {
            return new Credential("Authorization", "Bearer " + token);
        }

        static Credential apiKey(String key) {
            return new Credential("X-Api-Key", key);
        }
    }

    /** A request body and its content type. */
    record Body(String contentType, String text) {

        static final Body NONE = new Body(null, null);
        static final String BOUNDARY = "gridwhistle-security-test";

        static Body json(String json) {
            return new Body("application/json", json);
        }

        /** A multipart body carrying only a part that no endpoint reads. */
        static Body multipartWithoutTheExpectedParts() {
            return new Body("multipart/form-data; boundary=" + BOUNDARY, "--" + BOUNDARY + "\r\n"
                    + "Content-Disposition: form-data; name=\"unrelated\"\r\n\r\nnothing\r\n--" + BOUNDARY + "--\r\n");
        }
    }

    /** An answer as a client sees it; the body of an event stream is not waited for (it would never end). */
    record Response(int statusCode, HttpHeaders headers, String body, URI uri) {
    }

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    Http(int port) {
        this.base = "http://localhost:" + port;
    }

    Response send(String method, String path, Credential credential, Body body) {
        return sendWithHeader(method, path, credential, null, null, body);
    }

    /** A bodiless call with one more header, as a client that sends odd headers would. */
    Response sendWithHeader(String method, String path, Credential credential, String header, String value) {
        return sendWithHeader(method, path, credential, header, value, Body.NONE);
    }

    private Response sendWithHeader(String method, String path, Credential credential, String header, String value,
                                    Body body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json, */*")
                .method(method, body.text() == null ? BodyPublishers.noBody()
                        : BodyPublishers.ofString(body.text(), StandardCharsets.UTF_8));
        if (credential.header() != null) {
            request.header(credential.header(), credential.value());
        }
        if (body.contentType() != null) {
            request.header("Content-Type", body.contentType());
        }
        if (header != null) {
            request.header(header, value);
        }
        try {
            HttpResponse<InputStream> response = client.send(request.build(), BodyHandlers.ofInputStream());
            try (InputStream received = response.body()) {
                boolean stream = response.headers().firstValue("Content-Type")
                        .filter(type -> type.startsWith("text/event-stream")).isPresent();
                return new Response(response.statusCode(), response.headers(),
                        stream ? "" : new String(received.readAllBytes(), StandardCharsets.UTF_8), response.uri());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response get(String path, Credential credential) {
        return send("GET", path, credential, Body.NONE);
    }

    Response post(String path, Credential credential, Object json) {
        return send("POST", path, credential, Body.json(write(json)));
    }

    /** POST /api/auth/token: the raw answer, whatever it is. */
    Response requestToken(String username, String password) {
        return post("/api/auth/token", Credential.NONE, Map.of("username", username, "password", password));
    }

    /** A fresh bearer token of its own (never shared with other tests, so it may be revoked). */
    String signIn(String username, String password) {
        Response issued = requestToken(username, password);
        assertThat(issued.statusCode()).as("sign-in of %s: %s %s", username, issued.headers().map(), issued.body()).isEqualTo(200);
        return json(issued).path("accessToken").asText();
    }

    static JsonNode json(Response response) {
        try {
            return response.body() == null || response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
