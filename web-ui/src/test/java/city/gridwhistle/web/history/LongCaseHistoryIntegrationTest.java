package city.gridwhistle.web.history;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A case that a worker's notes push past several snapshots (one every 100 events, decision 0022) keeps its whole
 * history on every path that reads it: history and its exports, as-of, diff, the access log and Open311's notes.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LongCaseHistoryIntegrationTest {

    /** 蜀州社区07网格 (崇州): W021 alone answers for it; no other test reports a bus shelter there. */
    private static final double[] SHUZHOU_07 = {30.63046, 103.673535};
    private static final String BUS_SHELTER = "C0204";
    private static final int NOTES = 320;

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcTemplate jdbc;
    private Api api;
    private String caseId;
    private long events;

    @BeforeAll
    void aWorkerNotesTheirProgressThreeHundredTimes() {
        api = new Api(http);
        caseId = api.fileCase(BUS_SHELTER, SHUZHOU_07, "候车亭雨棚漏水 longhistory", "r021");
        api.awaitCase(caseId, c -> "W021".equals(c.path("workerId").asText()));
        api.done(caseId, "accept", "w021", Map.of());
        for (int note = 1; note <= NOTES; note++) {
            api.done(caseId, "notes", "w021", Map.of("note", "第" + note + "次检修"));
        }
        events = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, caseId);
        assertThat(jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?",
                Long.class, caseId)).as("the case file was snapshotted").isPositive();
    }

    @Test
    void theHistoryListsEveryEventFromTheReport() {
        JsonNode history = ok(api.as("admin").getForEntity("/api/cases/" + caseId + "/history", JsonNode.class));

        assertThat(history.path("entries")).hasSize((int) events);
        assertThat(history.path("entries").get(0).path("eventType").asText()).isEqualTo("ReportFiledEvent");
        assertThat(history.path("entries").get((int) events - 1).path("reason").asText()).isEqualTo("第" + NOTES + "次检修");
    }

    @Test
    void everyExportHoldsEveryEvent() {
        String csv = new String(ok(api.as("supervisor").getForEntity("/api/cases/" + caseId + "/history.csv",
                byte[].class)), StandardCharsets.UTF_8);
        JsonNode json = ok(api.as("supervisor").getForEntity("/api/cases/" + caseId + "/history.json",
                JsonNode.class));
        byte[] pdf = ok(api.as("supervisor").getForEntity("/api/cases/" + caseId + "/history.pdf", byte[].class));

        assertThat(csv.lines().filter(line -> line.contains("CaseProgressNotedEvent"))).hasSize(NOTES);
        assertThat(json.path("entries")).hasSize((int) events);
        assertThat(pdf).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void asOfAndDiffReachBackBeforeTheSnapshots() {
        JsonNode dispatched = ok(api.as("admin").getForEntity("/api/cases/" + caseId + "/as-of?seq=2",
                JsonNode.class));
        JsonNode now = ok(api.as("admin").getForEntity("/api/cases/" + caseId + "/as-of?seq=" + (events - 1),
                JsonNode.class));
        JsonNode diff = ok(api.as("admin").getForEntity("/api/cases/" + caseId + "/diff?fromSeq=2&toSeq="
                + (events - 1), JsonNode.class));

        assertThat(dispatched.path("state").path("version").asLong()).isEqualTo(2);
        assertThat(now.path("state").path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(now.path("state").path("version").asLong()).isEqualTo(events - 1);
        assertThat(diff.path("changes").findValuesAsText("field")).contains("status");
    }

    @Test
    void theAccessLogAndOpen311NotesAreWhole() {
        ok(api.as("admin").getForEntity("/api/cases/" + caseId + "/history", JsonNode.class));

        JsonNode accesses = ok(api.as("admin").getForEntity("/api/cases/" + caseId + "/history/accesses",
                JsonNode.class));
        JsonNode request = ok(http.getForEntity("/open311/v2/requests/" + caseId + ".json?extensions=true",
                JsonNode.class)).get(0);

        assertThat(accesses.path("accesses")).isNotEmpty();
        assertThat(request.path("notes")).as("one note per public status change").isNotEmpty();
    }

    private static <T> T ok(ResponseEntity<T> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
