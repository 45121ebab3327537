package city.gridwhistle.command.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.DemoCity;
import city.gridwhistle.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A case with a long history is loaded from its latest snapshot (decision 0022), and carries on exactly as if it
 * had been rebuilt from all its events. Category C0401 in 粮丰社区12网格 (no worker on duty), which no other test files there.
 */
@IntegrationTest
class CaseSnapshotIntegrationTest {

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
    void aLongCaseIsSnapshottedAndStillObeysItsRules() {
        String caseId = api.fileCase("C0401", DemoCity.LIANGFENG_12, "粮丰社区12网格 广告牌松动", "r021");
        api.done(caseId, "park", "supervisor", Map.of("reason", "等待产权单位"));
        for (int i = 0; i < 110; i++) {
            api.done(caseId, "notes", "supervisor", Map.of("note", "协调进展 " + i));
        }

        Long snapshotAt = jdbc.queryForObject(
                "select max(sequence_number) from snapshot_event_entry where aggregate_identifier = ?", Long.class, caseId);
        assertThat(snapshotAt).as("a snapshot after 100 events").isNotNull().isGreaterThanOrEqualTo(99L);

        // state restored from the snapshot: still parked (a second park is refused) and it unparks to where it was
        assertThat(api.act(caseId, "park", "supervisor", Map.of("reason", "再次搁置")).getStatusCode().value())
                .isEqualTo(409);
        api.done(caseId, "unpark", "supervisor", Map.of("reason", "产权单位已确认"));
        assertThat(api.awaitStatus(caseId, "REGISTERED").path("awaitingSupervisor").asBoolean())
                .as("no worker is on duty in 粮丰社区12网格: back in the supervisor's queue").isTrue();
    }
}
