package city.gridwhistle.web.limits;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A body over its content type's cap is refused before anything buffers it: one that declares its length at once,
 * before it is sent; one sent in chunks as soon as the cap is passed. Either is a 413 naming the body, and nothing is
 * written, not even an idempotency record.
 */
@IntegrationTest
class BodyLimitIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    private int port;
    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcTemplate jdbc;
    private String token;

    @BeforeEach
    void signIn() {
        token = new Api(http).token("r028");
    }

    @Test
    void aBodyThatDeclaresMoreThanItsCapIsRefusedBeforeItIsSent() throws IOException {
        long events = events();

        String answer = rawRequest("POST /api/reports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nIdempotency-Key: body-limit-declared\r\n"
                + "Content-Length: 70000000\r\n\r\n{\"categoryCode\":");

        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("application/problem+json").contains("/problems/body-too-large")
                .contains("\"field\":\"body\"");
        assertThat(events()).isEqualTo(events);
        assertThat(jdbc.queryForObject("select count(*) from idempotency_key where idempotency_key = 'body-limit-declared'",
                Long.class)).isZero();
    }

    @Test
    void aChunkedBodyIsCutOffAtItsCap() throws Exception {
        long events = events();
        byte[] huge = ("{\"categoryCode\":\"C0101\",\"lat\":30.61,\"lon\":104.127,\"description\":\""
                + "井".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        for (String key : new String[] {null, "body-limit-chunked"}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)));
            if (key != null) {
                request.header("Idempotency-Key", key);
            }
            HttpResponse<String> refused = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).as("with key %s: %s", key, refused.body()).isEqualTo(413);
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.path("type").asText()).isEqualTo("/problems/body-too-large");
            assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("body");
        }
        assertThat(events()).isEqualTo(events);
        assertThat(jdbc.queryForObject("select count(*) from idempotency_key where idempotency_key = 'body-limit-chunked'",
                Long.class)).isZero();
    }

    @Test
    void open311IsToldInItsOwnFormat() throws IOException {
        String answer = rawRequest("POST /open311/v2/requests.json HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000000\r\n\r\nservice_code=");

        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("[{\"code\":413,\"description\":\"the body may have at most 65536 bytes");
    }

    @Test
    void aBodyWithinItsCapPasses() {
        assertThat(new Api(http).fileCase("C0302", new double[] {30.19656, 103.50655}, "垃圾箱满了 bodylimit", "r028"))
                .isNotBlank();
    }

    /** Sends the start of a request as it is written and reads the answer, without sending the rest. */
    private String rawRequest(String start) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(start.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.UTF_8).matches("(?s).*\\r\\n\\r\\n.*[}\\]]\\s*$")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException stillOpen) {
                // the server may keep the connection open for the body it will not read: the answer is in
                socket.close();
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
