package city.gridwhistle.web.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.DemoCity;
import city.gridwhistle.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A rider on a flaky mobile network sends the same report twice: the second send gets the first answer and files
 * nothing. Category C0204 (bus shelter) in 粮丰社区12网格 and C0402 there, which no other test files there.
 */
@IntegrationTest
class IdempotencyKeyIntegrationTest {

    private static final String SHELTER = "C0204";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcTemplate jdbc;
    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    @Test
    void aRetriedReportGetsTheFirstAnswerAndFilesNothingMore() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> report = report(SHELTER, DemoCity.LIANGFENG_12, "候车亭顶棚玻璃碎裂，碎片落在人行道上");

        ResponseEntity<String> first = post("r046", key, report);
        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getHeaders().containsKey(IdempotencyFilter.REPLAYED)).isFalse();
        String caseId = json(first.getBody()).path("caseId").asText();
        long events = eventsOf(caseId);

        ResponseEntity<String> retried = post("r046", key, report);
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retried.getHeaders().getFirst(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(retried.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(retried.getHeaders().getContentType()).isEqualTo(first.getHeaders().getContentType());
        assertThat(retried.getBody()).isEqualTo(first.getBody());
        assertThat(eventsOf(caseId)).as("a replay appends no event").isEqualTo(events);
    }

    @Test
    void theSameKeyWithAnotherReportIsRefused() {
        String key = UUID.randomUUID().toString();
        ResponseEntity<String> first = post("r046", key, report(SHELTER, DemoCity.LIANGFENG_12, "候车亭座椅断裂"));
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = json(first.getBody()).path("caseId").asText();
        long events = eventsOf(caseId);

        ResponseEntity<String> other = post("r046", key, report(SHELTER, DemoCity.LIANGFENG_12, "候车亭座椅断裂，另一处"));

        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(other.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json(other.getBody()).path("type").asText()).isEqualTo("/problems/idempotency-key-reused");
        assertThat(eventsOf(caseId)).as("the other report was not filed (nor attached)").isEqualTo(events);
    }

    @Test
    void keysOfDifferentCallersDoNotCollide() {
        String key = "shared-" + UUID.randomUUID();
        ResponseEntity<String> mine = post("r046", key, report(SHELTER, DemoCity.LIANGFENG_12, "候车亭广告灯箱漏电"));
        ResponseEntity<String> theirs = post("r013", key, report("C0402", DemoCity.LIANGFENG_12, "路边消防栓漏水"));

        assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(theirs.getStatusCode()).as(theirs.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(theirs.getHeaders().containsKey(IdempotencyFilter.REPLAYED)).isFalse();
        assertThat(json(theirs.getBody()).path("caseId").asText())
                .isNotEqualTo(json(mine.getBody()).path("caseId").asText());
    }

    @Test
    void aRetriedMultipartReportGetsTheFirstAnswer() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> report = report(SHELTER, DemoCity.LIANGFENG_12, "候车亭站牌倾斜（附照片）");

        ResponseEntity<String> first = postMultipart("/api/reports", "r046", key, report);
        ResponseEntity<String> retried = postMultipart("/api/reports", "r046", key, report);

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retried.getHeaders().getFirst(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(retried.getBody()).isEqualTo(first.getBody());
    }

    @Test
    void aRetriedPhotoUploadGetsTheFirstAnswer() {
        String key = UUID.randomUUID().toString();

        ResponseEntity<String> first = postMultipart("/api/photos", "w010", key, null);
        ResponseEntity<String> retried = postMultipart("/api/photos", "w010", key, null);

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retried.getHeaders().getFirst(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(retried.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(retried.getBody()).isEqualTo(first.getBody());
    }

    @Test
    void withoutAKeyNothingChanges() {
        ResponseEntity<String> plain = post("r046", null, report(SHELTER, DemoCity.LIANGFENG_12, "候车亭台阶破损"));
        assertThat(plain.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(plain.getHeaders().containsKey(IdempotencyFilter.REPLAYED)).isFalse();
    }

    private ResponseEntity<String> post(String username, String key, Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            headers.set(IdempotencyFilter.HEADER, key);
        }
        return api.as(username).exchange("/api/reports", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> postMultipart(String path, String username, String key, Map<String, Object> report) {
        var body = new LinkedMultiValueMap<String, Object>();
        if (report != null) {
            HttpHeaders json = new HttpHeaders();
            json.setContentType(MediaType.APPLICATION_JSON);
            body.add("report", new HttpEntity<>(report, json));
        }
        HttpHeaders png = new HttpHeaders();
        png.setContentType(MediaType.IMAGE_PNG);
        body.add("photo", new HttpEntity<>(new ByteArrayResource(Api.PNG) {
            @Override
            public String getFilename() {
                return "shelter.png";
            }
        }, png));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.set(IdempotencyFilter.HEADER, key);
        return api.as(username).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private static Map<String, Object> report(String category, double[] where, String description) {
        return Map.of("categoryCode", category, "lat", where[0], "lon", where[1], "description", description);
    }

    private long eventsOf(String caseId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, caseId);
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
