package city.gridwhistle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.web.demo.DemoAccounts;
import city.gridwhistle.web.pages.Pictures;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The HTTP API as the scenario tests speak it, signed in as demo accounts (bearer tokens): file, act, upload, and
 * wait for the read model. The supervisor of the whole city is the one who watches the read model.
 */
public final class Api {

    public static final Duration READ_MODEL_WITHIN = Duration.ofSeconds(30);
    public static final String WATCHER = "supervisor";
    /** A real, whole PNG: the photo store reads a photo's structure and refuses one cut short. */
    public static final byte[] PNG = Pictures.png(Color.WHITE);
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private final TestRestTemplate http;

    public Api(TestRestTemplate http) {
        this.http = http;
    }

    /** A bearer token for a demo account, signed in once per test JVM and server. */
    public String token(String username) {
        return TOKENS.computeIfAbsent(http.getRootUri() + "|" + username, key -> {
            ResponseEntity<JsonNode> issued = http.postForEntity("/api/auth/token",
                    Map.of("username", username, "password", DemoAccounts.PASSWORD), JsonNode.class);
            assertThat(issued.getStatusCode()).as("sign-in of %s", username).isEqualTo(HttpStatus.OK);
            return issued.getBody().path("accessToken").asText();
        });
    }

    /** A client that calls as the given demo account (a rider or worker id works too: r001 is R001's login). */
    public TestRestTemplate as(String username) {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri(http.getRootUri())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token(username.toLowerCase(java.util.Locale.ROOT))));
    }

    /** A fresh API key for a partner, created by the demo administrator. */
    public String partnerKey(String partner) {
        ResponseEntity<JsonNode> key = as("admin").postForEntity("/api/admin/api-keys", Map.of("partner", partner),
                JsonNode.class);
        assertThat(key.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return key.getBody().path("apiKey").asText();
    }

    public ResponseEntity<JsonNode> file(String category, double[] where, String description, String reporter) {
        Map<String, Object> report = new HashMap<>(Map.of("categoryCode", category, "lat", where[0], "lon", where[1],
                "description", description));
        return as(reporter == null ? "r010" : reporter).postForEntity("/api/reports", report, JsonNode.class);
    }

    /** Files a report with one photo, as the rider's page sends it: a JSON part {@code report}, a part {@code photo}. */
    public ResponseEntity<JsonNode> fileWithPhoto(String category, double[] where, String description, String reporter,
                                                  byte[] photo) {
        var body = new LinkedMultiValueMap<String, Object>();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        body.add("report", new HttpEntity<>(Map.of("categoryCode", category, "lat", where[0], "lon", where[1],
                "description", description), json));
        HttpHeaders image = new HttpHeaders();
        image.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        body.add("photo", new HttpEntity<>(new ByteArrayResource(photo) {
            @Override
            public String getFilename() {
                return "hazard.png";
            }
        }, image));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(reporter).postForEntity("/api/reports", new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** Files a report and returns the case it opened or joined. */
    public String fileCase(String category, double[] where, String description, String reporter) {
        ResponseEntity<JsonNode> filed = file(category, where, description, reporter);
        assertThat(filed.getStatusCode()).as("filing: %s", filed.getBody()).isEqualTo(HttpStatus.CREATED);
        return filed.getBody().path("caseId").asText();
    }

    public ResponseEntity<JsonNode> act(String caseId, String action, String username, Map<String, ?> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(username).exchange("/api/cases/" + caseId + "/" + action, HttpMethod.POST,
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** Performs an action that must succeed. */
    public void done(String caseId, String action, String username, Map<String, ?> body) {
        ResponseEntity<JsonNode> response = act(caseId, action, username, body);
        assertThat(response.getStatusCode()).as("%s by %s: %s", action, username, response.getBody())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    public String uploadPhoto(byte[] bytes, String username) {
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
        ResponseEntity<JsonNode> uploaded = as(username).postForEntity("/api/photos", new HttpEntity<>(body, headers),
                JsonNode.class);
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return uploaded.getBody().path("sha256").asText();
    }

    /**
     * The read model is eventually consistent: wait until the case has reached the expected state, and the case index
     * holds that version of it (by id, a case the index has not caught up with is read from its events; what a test
     * does next may search the index).
     */
    public JsonNode awaitCase(String caseId, Predicate<JsonNode> state) {
        TestRestTemplate watcher = as(WATCHER);
        return await().atMost(READ_MODEL_WITHIN).until(() -> watcher.getForEntity("/api/cases/" + caseId, JsonNode.class),
                response -> response.getStatusCode() == HttpStatus.OK && state.test(response.getBody())
                        && IndexedCases.holds(caseId, response.getBody().path("version").asLong())).getBody();
    }

    public JsonNode awaitStatus(String caseId, String status) {
        return awaitCase(caseId, c -> c.path("status").asText().equals(status));
    }

    public JsonNode get(String path) {
        return as(WATCHER).getForObject(path, JsonNode.class);
    }
}
