package city.gridwhistle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** The HTTP API as the scenario tests speak it: file, act, upload, and wait for the read model. */
public final class Api {

    public static final Duration READ_MODEL_WITHIN = Duration.ofSeconds(30);
    /** A tiny but real PNG header: enough for the photo store to recognise an image. */
    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private final TestRestTemplate http;

    public Api(TestRestTemplate http) {
        this.http = http;
    }

    public ResponseEntity<JsonNode> file(String category, double[] where, String description, String reporter) {
        Map<String, Object> report = new HashMap<>(Map.of("categoryCode", category, "lat", where[0], "lon", where[1],
                "description", description));
        if (reporter != null) {
            report.put("reporterId", reporter);
        }
        return http.postForEntity("/api/reports", report, JsonNode.class);
    }

    /** Files a report and returns the case it opened or joined. */
    public String fileCase(String category, double[] where, String description, String reporter) {
        ResponseEntity<JsonNode> filed = file(category, where, description, reporter);
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return filed.getBody().path("caseId").asText();
    }

    public ResponseEntity<JsonNode> act(String caseId, String action, String actorId, String role,
                                        Map<String, ?> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Actor-Id", actorId);
        headers.set("X-Actor-Role", role);
        return http.exchange("/api/cases/" + caseId + "/" + action, HttpMethod.POST, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    /** Performs an action that must succeed. */
    public void done(String caseId, String action, String actorId, String role, Map<String, ?> body) {
        ResponseEntity<JsonNode> response = act(caseId, action, actorId, role, body);
        assertThat(response.getStatusCode()).as("%s by %s %s: %s", action, role, actorId, response.getBody())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    public String uploadPhoto(byte[] bytes) {
        var body = new LinkedMultiValueMap<String, Object>();
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.IMAGE_PNG);
        body.add("photo", new HttpEntity<>(new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return "after.png";
            }
        }, part));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> uploaded = http.postForEntity("/api/photos", new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return uploaded.getBody().path("sha256").asText();
    }

    /** The read model is eventually consistent: wait until the case has reached the expected state. */
    public JsonNode awaitCase(String caseId, Predicate<JsonNode> state) {
        return await().atMost(READ_MODEL_WITHIN).until(() -> http.getForEntity("/api/cases/" + caseId, JsonNode.class),
                response -> response.getStatusCode() == HttpStatus.OK && state.test(response.getBody())).getBody();
    }

    public JsonNode awaitStatus(String caseId, String status) {
        return awaitCase(caseId, c -> c.path("status").asText().equals(status));
    }

    public JsonNode get(String path) {
        return http.getForObject(path, JsonNode.class);
    }
}
