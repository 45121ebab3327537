package city.gridwhistle.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
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
 * case exactly once, each at its latest event, and search served throughout. Rebuilding the daily figures from
 * the index changes none of them.
 */
@IntegrationTest
class RebuildIntegrationTest {

    /** Inside 团结社区08网格 (W016), used by no other test. */
    private static final double[] TUANJIE_08 = {30.88044, 104.251555};
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

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

    /**
     * The progress counts events, not the span of global positions: a transaction that took a position and rolled
     * back leaves a gap in the sequence, and the finished rebuild still shows every event done, as many as the store
     * holds, none of them missing.
     */
    @Test
    void aGapInTheGlobalSequenceIsNoEventMissingFromTheProgress() {
        Api api = new Api(server);
        TestRestTemplate admin = api.as("admin");
        long gapAt = rolledBackInsert();
        api.fileCase("C0301", new double[] {TUANJIE_08[0] + 0.0004, TUANJIE_08[1]}, "序号缺口之后的上报", "r043");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where global_index = ?", Long.class,
                gapAt)).as("the gap").isZero();
        assertThat(jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class))
                .as("an event after the gap").isGreaterThan(gapAt);
        long eventsBefore = events();

        ResponseEntity<JsonNode> started = admin.postForEntity("/api/admin/rebuilds/cases", null, JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getBody().path("eventsTotal").asLong()).as("events to replay")
                .isBetween(eventsBefore, events());
        JsonNode done = await().atMost(Duration.ofSeconds(120)).until(
                () -> admin.getForObject("/api/admin/rebuilds/cases", JsonNode.class),
                progress -> !progress.path("state").asText().equals("RUNNING"));

        assertThat(done.path("state").asText()).isEqualTo("DONE");
        assertThat(done.path("eventsDone").asLong()).as("events replayed: %s", done).isBetween(eventsBefore, events());
        assertThat(done.path("eventsTotal").asLong()).as("of events: %s", done)
                .isEqualTo(done.path("eventsDone").asLong());
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    /** Inserts an event in a transaction that rolls back, as a failed command's would: its position stays used. */
    private long rolledBackInsert() {
        return jdbc.execute((java.sql.Connection connection) -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (var insert = connection.prepareStatement("""
                    insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                    time_stamp, payload_type, payload)
                    values (gen_random_uuid()::text, gen_random_uuid()::text, 0, 'Case', now()::text, 'rolled.Back',
                            '{}'::bytea) returning global_index""")) {
                var result = insert.executeQuery();
                result.next();
                return result.getLong(1);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    /**
     * Today's figures summed from the daily rows the projection keeps (a period of the whole day) equal those the
     * index aggregates (the same period a second short, so it holds no whole day), before and after the daily
     * figures are rebuilt from the index.
     */
    @Test
    void theDailyFiguresAgreeWithTheIndexAndARebuildKeepsThem() {
        Api api = new Api(server);
        TestRestTemplate admin = api.as("admin");
        api.fileCase("C0402", new double[] {TUANJIE_08[0] - 0.0001, TUANJIE_08[1]}, "每日数字的上报", "r040");
        Instant midnight = LocalDate.now(CITY).atStartOfDay(CITY).toInstant();
        Instant nextMidnight = midnight.plus(Duration.ofDays(1));

        for (String grouping : new String[] {"DISTRICT", "CATEGORY", "WORKER"}) {
            await().atMost(Api.READ_MODEL_WITHIN).untilAsserted(() -> assertThat(
                    figures(admin, grouping, midnight, nextMidnight))
                    .isEqualTo(figures(admin, grouping, midnight, nextMidnight.minusSeconds(1))));
        }
        JsonNode summed = figures(admin, "DISTRICT", midnight, nextMidnight);
        assertThat(summed.path("total").path("reported").asLong()).isPositive();

        ResponseEntity<JsonNode> started = admin.postForEntity("/api/admin/rebuilds/figures", null, JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode done = await().atMost(Duration.ofSeconds(60)).until(
                () -> admin.getForObject("/api/admin/rebuilds/figures", JsonNode.class),
                progress -> !progress.path("state").asText().equals("RUNNING"));
        assertThat(done.path("state").asText()).isEqualTo("DONE");
        assertThat(done.path("eventsDone").asLong()).as("cases read").isPositive();
        assertThat(figures(admin, "DISTRICT", midnight, nextMidnight)).isEqualTo(summed);
    }

    /** The units and totals of the performance dashboard (without the period, which differs). */
    private static JsonNode figures(TestRestTemplate viewer, String grouping, Instant from, Instant to) {
        JsonNode answer = viewer.getForObject("/api/dashboards/performance?groupBy={g}&from={f}&to={t}", JsonNode.class,
                grouping, from.toString(), to.toString());
        return ((com.fasterxml.jackson.databind.node.ObjectNode) answer.deepCopy()).without(List.of("from", "to"));
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
