package city.gridwhistle.web.reports;

import static city.gridwhistle.web.reports.FilingAReportIntegrationTest.file;
import static city.gridwhistle.web.reports.FilingAReportIntegrationTest.json;
import static city.gridwhistle.web.reports.FilingAReportIntegrationTest.multipart;
import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.DemoCity;
import city.gridwhistle.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/** Bad input gets a problem detail naming the field and why, and changes nothing in the event store. */
@IntegrationTest
class BadReportsIntegrationTest {

    @Autowired
    private TestRestTemplate server;
    private TestRestTemplate http;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        http = new city.gridwhistle.Api(server).as("r002");
    }

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void unknownCategoryIsRefused() {
        assertRefused(() -> post(report("categoryCode", "X9999")), HttpStatus.UNPROCESSABLE_ENTITY,
                "/problems/unknown-category", "categoryCode");
    }

    @Test
    void latitudeOutOfRangeIsRefused() {
        assertRefused(() -> post(report("lat", 91.5)), HttpStatus.BAD_REQUEST, "/problems/invalid-request", "lat");
    }

    @Test
    void longitudeOutOfRangeIsRefused() {
        assertRefused(() -> post(report("lon", -181)), HttpStatus.BAD_REQUEST, "/problems/invalid-request", "lon");
    }

    @Test
    void pointOutsideEveryGridCellIsRefused() {
        var report = report("lat", DemoCity.NOWHERE[0]);
        report.put("lon", DemoCity.NOWHERE[1]);
        assertRefused(() -> post(report), HttpStatus.UNPROCESSABLE_ENTITY, "/problems/outside-grid", "location");
    }

    @Test
    void emptyDescriptionIsRefused() {
        assertRefused(() -> post(report("description", "")), HttpStatus.BAD_REQUEST, "/problems/invalid-request",
                "description");
    }

    @Test
    void descriptionOverFourThousandCharactersIsRefused() {
        assertRefused(() -> post(report("description", "井".repeat(4001))), HttpStatus.BAD_REQUEST,
                "/problems/invalid-request", "description");
    }

    @Test
    void unreadableNumberIsRefused() {
        assertRefused(() -> post(report("lat", "north")), HttpStatus.BAD_REQUEST, "/problems/unreadable-request", "lat");
    }

    @Test
    void uploadThatIsNotAnImageIsRefused() {
        assertRefused(() -> postWithPhoto("<html>not a photo</html>".getBytes()), HttpStatus.BAD_REQUEST,
                "/problems/photo-not-an-image", "photo");
    }

    @Test
    void oversizedUploadIsRefused() {
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        assertRefused(() -> postWithPhoto(huge), HttpStatus.PAYLOAD_TOO_LARGE, "/problems/photo-too-large", "photo");
    }

    @Test
    void badSearchParameterIsRefused() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/cases?near=30.6,104.1", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("errors").path(0).path("field").asText()).isEqualTo("near");
    }

    private void assertRefused(Supplier<ResponseEntity<JsonNode>> request, HttpStatus status, String type, String field) {
        long eventsBefore = events();

        ResponseEntity<JsonNode> response = request.get();

        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = response.getBody();
        assertThat(problem.path("type").asText()).isEqualTo(type);
        assertThat(problem.path("status").asInt()).isEqualTo(status.value());
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.path("errors").findValuesAsText("field")).contains(field);
        assertThat(problem.toString()).doesNotContain("Exception", "at city.", "select ");
        assertThat(events()).isEqualTo(eventsBefore);
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private ResponseEntity<JsonNode> post(Map<String, Object> report) {
        return http.postForEntity("/api/reports", report, JsonNode.class);
    }

    private ResponseEntity<JsonNode> postWithPhoto(byte[] photo) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("report", json(report("description", "井盖缺失")));
        body.add("photo", file("photo.jpg", photo));
        HttpEntity<?> request = multipart(body);
        return http.postForEntity("/api/reports", request, JsonNode.class);
    }

    private static Map<String, Object> report(String field, Object value) {
        Map<String, Object> report = new HashMap<>(Map.of("categoryCode", "C0101", "lat", DemoCity.LIANGFENG_02[0],
                "lon", DemoCity.LIANGFENG_02[1], "description", "井盖缺失"));
        report.put(field, value);
        return report;
    }
}
