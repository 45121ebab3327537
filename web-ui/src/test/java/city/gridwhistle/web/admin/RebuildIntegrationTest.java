package city.gridwhistle.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rebuilding the cases index from the event store while reports keep arriving: afterwards the index holds every
 * case exactly once, each at its latest event, and search served throughout.
 */
@IntegrationTest
class RebuildIntegrationTest {

    /** Inside 团结社区08网格 (W016), used by no other test. */
    private static final double[] TUANJIE_08 = {30.88044, 104.251555};

    @Autowired
    private TestRestTemplate server;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ElasticsearchClient elasticsearch;

    @Test
    void aRebuildWhileReportsArriveLeavesEveryCaseOnceAndUpToDate() throws Exception {
        Api api = new Api(server);
        TestRestTemplate admin = api.as("admin");
        String[] categories = {"C0301", "C0401", "C0402", "C0601", "E0102", "E0103"};
        ExecutorService riders = Executors.newSingleThreadExecutor();
        Future<?> arriving = riders.submit(() -> {
            for (int i = 0; i < categories.length; i++) {
                api.fileCase(categories[i], new double[] {TUANJIE_08[0] + i * 0.00005, TUANJIE_08[1]},
                        "重建期间的上报 " + i, "r04" + (i % 3 + 1));
            }
        });

        ResponseEntity<JsonNode> started = admin.postForEntity("/api/admin/rebuilds/cases", null, JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String newIndex = started.getBody().path("toIndex").asText();
        JsonNode done = await().atMost(Duration.ofSeconds(120)).until(
                () -> admin.getForObject("/api/admin/rebuilds/cases", JsonNode.class),
                progress -> !progress.path("state").asText().equals("RUNNING"));
        arriving.get();
        riders.shutdown();

        assertThat(done.path("state").asText()).isEqualTo("DONE");
        assertThat(done.path("eventsDone").asLong()).isPositive();
        assertThat(done.path("eventsPerSecond").asDouble()).isPositive();
        assertThat(elasticsearch.indices().getAlias(a -> a.name("cases")).aliases()).containsOnlyKeys(newIndex);
        Map<String, Long> latest = latestEventOfEveryCase();
        await().atMost(Api.READ_MODEL_WITHIN).untilAsserted(() -> assertThat(indexedVersions()).isEqualTo(latest));
    }

    /** The event store's own answer: every case and the sequence number of its last event folded into search. */
    private Map<String, Long> latestEventOfEveryCase() {
        Map<String, Long> latest = new HashMap<>();
        jdbc.query("""
                select aggregate_identifier, max(sequence_number) from domain_event_entry
                 where aggregate_identifier in (select aggregate_identifier from domain_event_entry
                                                 where payload_type like '%.ReportFiledEvent')
                   and payload_type not like '%.ReporterIdentityRevealedEvent'
                 group by aggregate_identifier""",
                rs -> {
                    latest.put(rs.getString(1), rs.getLong(2));
                });
        return latest;
    }

    private Map<String, Long> indexedVersions() throws Exception {
        elasticsearch.indices().refresh(r -> r.index("cases"));
        Map<String, Long> versions = new HashMap<>();
        var response = elasticsearch.search(s -> s.index("cases").size(10_000).source(src -> src.filter(
                f -> f.includes("caseId", "version"))), JsonNode.class);
        for (Hit<JsonNode> hit : response.hits().hits()) {
            assertThat(versions.put(hit.id(), hit.source().path("version").asLong())).as("twice: %s", hit.id()).isNull();
        }
        return versions;
    }
}
