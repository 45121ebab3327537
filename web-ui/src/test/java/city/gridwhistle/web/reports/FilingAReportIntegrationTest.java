package city.gridwhistle.web.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.DemoCity;
import city.gridwhistle.IntegrationTest;
import city.gridwhistle.web.pages.Pictures;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/** A rider files a hazard report over HTTP; it becomes a dispatched case that supervisors can search. */
@IntegrationTest
class FilingAReportIntegrationTest {

    private static final Duration SEARCHABLE_WITHIN = Duration.ofSeconds(30);

    @Autowired
    private TestRestTemplate server;
    /** A rider files; the city's supervisor reads back (a rider sees only the public view of their own cases). */
    private TestRestTemplate rider;
    private TestRestTemplate http;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        var api = new city.gridwhistle.Api(server);
        rider = api.as("r001");
        http = api.as(city.gridwhistle.Api.WATCHER);
    }

    @Test
    void riderFilesAReportThatIsDispatchedAndFoundByAChineseWord() {
        ResponseEntity<JsonNode> filed = rider.postForEntity("/api/reports", Map.of(
                "categoryCode", "C0101",
                "lat", DemoCity.LIANGFENG_02[0],
                "lon", DemoCity.LIANGFENG_02[1],
                "description", "成龙大道粮丰社区门口窨井盖缺失，电动车差点掉进去",
                "address", "成龙大道二段粮丰社区东门"), JsonNode.class);

        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = filed.getBody().path("caseId").asText();
        assertThat(filed.getHeaders().getLocation()).hasToString("/api/cases/" + caseId);
        assertThat(filed.getBody().path("cellCode").asText()).isEqualTo(DemoCity.LIANGFENG_02_CELL);

        JsonNode found = awaitSearch("井盖", caseId);

        assertThat(found.path("status").asText()).isEqualTo("DISPATCHED");
        assertThat(found.path("cell").path("cellCode").asText()).isEqualTo(DemoCity.LIANGFENG_02_CELL);
        assertThat(found.path("cell").path("community").asText()).isEqualTo("粮丰社区");
        assertThat(found.path("workerId").asText()).isIn("W001", "W002");
        assertThat(found.path("workerId").asText()).isEqualTo(filed.getBody().path("workerId").asText());
        assertThat(found.path("categoryZh").asText()).isEqualTo("上水井盖");
    }

    @Test
    void caseIsReadBackByIdAndByEveryFilter() {
        String caseId = file("E0401", DemoCity.SHUFANG_05, "书房社区路面塌陷，出现一个大坑");
        JsonNode byId = awaitCase(caseId, c -> c.path("status").asText().equals("DISPATCHED"));

        assertThat(byId.path("workerId").asText()).isEqualTo("W010");
        assertThat(awaitSearch(Map.of("q", "塌陷", "status", "DISPATCHED", "category", "E0401",
                "cell", DemoCity.SHUFANG_05_CELL, "near", DemoCity.SHUFANG_05[0] + "," + DemoCity.SHUFANG_05[1] + ",50"),
                caseId)).isNotNull();
        assertThat(find(search(Map.of("q", "塌陷", "cell", DemoCity.LIANGFENG_02_CELL)), caseId)).isNull();
        assertThat(find(search(Map.of("q", "塌陷", "near", "30.0,104.0,1000")), caseId)).isNull();
        assertThat(find(search(Map.of("q", "塌陷", "status", "CLOSED")), caseId)).isNull();
        assertThat(find(search(Map.of("q", "井盖")), caseId)).isNull();
    }

    @Test
    void caseInACellWithNobodyOnDutyWaitsForASupervisor() {
        String caseId = file("E0101", DemoCity.LIANGFENG_12, "粮丰社区12网格暴露垃圾堆放");

        JsonNode found = awaitCase(caseId, c -> c.path("awaitingSupervisor").asBoolean());

        assertThat(found.path("status").asText()).isEqualTo("REGISTERED");
        assertThat(found.path("cell").path("cellCode").asText()).isEqualTo(DemoCity.LIANGFENG_12_CELL);
        assertThat(found.path("workerId").isMissingNode()).isTrue();
    }

    @Test
    void englishDescriptionsAreSearchableByStem() {
        String caseId = file("C0106", DemoCity.LIANGFENG_02, "Two streetlights broken near the east gate");

        assertThat(awaitSearch("streetlight broken", caseId).path("caseId").asText()).isEqualTo(caseId);
    }

    @Test
    void reportWithAPhotoKeepsThePhotoUnderItsHash() {
        byte[] png = Pictures.png(Color.RED); // no metadata in it: kept byte for byte
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("report", json(Map.of("categoryCode", "C0105", "lat", DemoCity.LIANGFENG_02[0],
                "lon", DemoCity.LIANGFENG_02[1], "description", "消防栓被撞歪漏水")));
        body.add("photo", file("hydrant.png", png));

        ResponseEntity<JsonNode> filed = rider.postForEntity("/api/reports", multipart(body), JsonNode.class);

        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode found = awaitCase(filed.getBody().path("caseId").asText(), c -> c.path("photoHashes").size() == 1);
        String hash = found.path("photoHashes").path(0).asText();
        assertThat(hash).isEqualTo(sha256(png));
        ResponseEntity<byte[]> photo = http.getForEntity("/api/photos/" + hash, byte[].class);
        assertThat(photo.getBody()).isEqualTo(png);
        assertThat(photo.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
    }

    private String file(String category, double[] where, String description) {
        ResponseEntity<JsonNode> filed = rider.postForEntity("/api/reports", Map.of("categoryCode", category,
                "lat", where[0], "lon", where[1], "description", description), JsonNode.class);
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return filed.getBody().path("caseId").asText();
    }

    /** The read model is eventually consistent: wait until the case has reached the expected state. */
    private JsonNode awaitCase(String caseId, Predicate<JsonNode> state) {
        return await().atMost(SEARCHABLE_WITHIN).until(() -> http.getForEntity("/api/cases/" + caseId, JsonNode.class),
                response -> response.getStatusCode() == HttpStatus.OK && state.test(response.getBody())
                        && city.gridwhistle.IndexedCases.holds(caseId, response.getBody().path("version").asLong()))
                .getBody();
    }

    private JsonNode awaitSearch(String text, String caseId) {
        return awaitSearch(Map.of("q", text), caseId);
    }

    private JsonNode awaitSearch(Map<String, String> parameters, String caseId) {
        return await().atMost(SEARCHABLE_WITHIN).until(() -> find(search(parameters), caseId), hit -> hit != null);
    }

    private Iterable<JsonNode> search(Map<String, String> parameters) {
        var uri = UriComponentsBuilder.fromPath("/api/cases");
        parameters.forEach(uri::queryParam);
        ResponseEntity<JsonNode> response = http.getForEntity(uri.encode().build().toUri(), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody().path("cases");
    }

    private static JsonNode find(Iterable<JsonNode> hits, String caseId) {
        for (JsonNode hit : hits) {
            if (hit.path("caseId").asText().equals(caseId)) {
                return hit;
            }
        }
        return null;
    }

    static HttpEntity<?> multipart(LinkedMultiValueMap<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(body, headers);
    }

    static HttpEntity<String> json(Map<String, Object> report) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        try {
            return new HttpEntity<>(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(report), headers);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpEntity<ByteArrayResource> file(String name, byte[] bytes) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        return new HttpEntity<>(new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        }, headers);
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
