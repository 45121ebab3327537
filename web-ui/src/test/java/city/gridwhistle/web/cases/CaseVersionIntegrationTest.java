package city.gridwhistle.web.cases;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.DemoCity;
import city.gridwhistle.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two supervisors look at the same case; the one who decides on a stale view is told so (412) instead of
 * overwriting the other's decision. Category C0204 (bus shelter) in 书房社区05网格, which no other test files there.
 */
@IntegrationTest
class CaseVersionIntegrationTest {

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
    void anActionOnAStaleVersionIsRefusedAndRecordsNothing() {
        String caseId = api.fileCase("C0204", DemoCity.SHUFANG_05, "书房社区候车亭雨棚脱落", "r012");
        api.awaitStatus(caseId, "DISPATCHED");
        ResponseEntity<JsonNode> read = api.as("supervisor").getForEntity("/api/cases/" + caseId, JsonNode.class);
        String etag = read.getHeaders().getETag();
        long version = read.getBody().path("version").asLong();
        assertThat(etag).isEqualTo("\"" + version + "\"");
        assertThat(lastSequence(caseId)).as("the read model has caught up").isEqualTo(version);

        // the first supervisor parks the case on the version they read
        assertThat(act(caseId, "park", etag, Map.of("reason", "等待市政确认")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        long afterPark = eventCount(caseId);

        // the second decides on the same, now stale, version
        ResponseEntity<JsonNode> stale = act(caseId, "escalate", etag, Map.of("reason", "群众多次反映"));
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(stale.getBody().path("type").asText()).isEqualTo("/problems/version-mismatch");
        assertThat(stale.getBody().path("currentVersion").asLong()).isEqualTo(lastSequence(caseId)).isGreaterThan(version);
        assertThat(eventCount(caseId)).as("nothing recorded").isEqualTo(afterPark);

        // a version the case never had is refused too
        assertThat(act(caseId, "escalate", "\"" + (lastSequence(caseId) + 5) + "\"", Map.of("reason", "督办"))
                .getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(eventCount(caseId)).isEqualTo(afterPark);

        // on the current version it works; and without If-Match as before
        JsonNode parked = api.awaitStatus(caseId, "PARKED");
        String current = "\"" + parked.path("version").asLong() + "\"";
        assertThat(act(caseId, "unpark", current, Map.of("reason", "已确认")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(act(caseId, "escalate", null, Map.of("reason", "群众多次反映")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void anUnreadableIfMatchIsABadRequest() {
        ResponseEntity<JsonNode> response = act("any-case", "escalate", "W/\"3\"", Map.of("reason", "督办"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("errors").get(0).path("field").asText()).isEqualTo("If-Match");
    }

    private ResponseEntity<JsonNode> act(String caseId, String action, String ifMatch, Map<String, ?> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            headers.setIfMatch(ifMatch);
        }
        return api.as("supervisor").exchange("/api/cases/" + caseId + "/" + action, HttpMethod.POST,
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    private long eventCount(String caseId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, caseId);
    }

    private long lastSequence(String caseId) {
        return jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class, caseId);
    }
}
