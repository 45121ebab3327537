package city.gridwhistle.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.PageSession;
import city.gridwhistle.DemoCity;
import city.gridwhistle.GridWhistleApplication;
import city.gridwhistle.infra.audit.AuditVerifier;
import city.gridwhistle.infra.audit.ChainingEventStorageEngineAccess;
import city.gridwhistle.infra.audit.Checkpoints;
import city.gridwhistle.infra.audit.EventChain;
import city.gridwhistle.web.demo.DemoAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Someone with write access to the database edits history; the verifier names the exact event every time, and
 * a store nobody touched verifies clean. Runs its own application, so the tampering touches no other test.
 */
class TamperEvidenceIntegrationTest {

    private static ConfigurableApplicationContext app;
    private static JdbcTemplate jdbc;
    private static AuditVerifier verifier;
    private static String caseId;
    private static List<Map<String, Object>> pristine;
    private static Api api;
    /** Other cases a test tampers with, and their events as they were: put back after the test. */
    private static final Map<String, List<Map<String, Object>>> ALSO_TAMPERED = new HashMap<>();

    @BeforeAll
    static void aCaseGoesRoundTheLoopAndACheckpointIsClosed() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of(System.getProperty("gridwhistle.data-dir")).getParent(), "tamper-");
        app = new SpringApplicationBuilder(GridWhistleApplication.class)
                .run("--server.port=0", "--gridwhistle.data-dir=" + dataDir, "--gridwhistle.demo.enabled=true");
        jdbc = app.getBean(JdbcTemplate.class);
        verifier = app.getBean(AuditVerifier.class);
        api = new Api(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:"
                + app.getEnvironment().getRequiredProperty("local.server.port"))));
        caseId = api.fileCase("C0302", DemoCity.SHUFANG_05, "垃圾箱被撞坏", "r001");
        api.done(caseId, "accept", "w010", Map.of());
        String photo = api.uploadPhoto(Api.PNG, "w010");
        api.done(caseId, "resolve", "w010", Map.of("note", "已更换", "photos", List.of(photo)));
        api.done(caseId, "verify", "r001", Map.of("fixed", false, "note", "还是坏的"));
        api.done(caseId, "resolve", "w010", Map.of("note", "重新更换", "photos", List.of(photo)));
        api.done(caseId, "verify", "supervisor", Map.of("fixed", true));
        app.getBean(Checkpoints.class).closeUpTo(jdbc.queryForObject("select max(global_index) from domain_event_entry",
                Long.class));
        pristine = rows(caseId);
        assertThat(pristine).hasSizeGreaterThan(10);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @AfterEach
    void restoreHistory() {
        restore(caseId, pristine);
        ALSO_TAMPERED.forEach(TamperEvidenceIntegrationTest::restore);
        ALSO_TAMPERED.clear();
        assertThat(verifier.verifyAll().intact()).isTrue();
    }

    private static void restore(String aggregateId, List<Map<String, Object>> rows) {
        jdbc.update("delete from domain_event_entry where aggregate_identifier = ?", aggregateId);
        for (Map<String, Object> row : rows) {
            jdbc.update("""
                    insert into domain_event_entry (global_index, event_identifier, aggregate_identifier,
                           sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    row.get("global_index"), row.get("event_identifier"), row.get("aggregate_identifier"),
                    row.get("sequence_number"), row.get("type"), row.get("time_stamp"), row.get("payload_type"),
                    row.get("payload_revision"), row.get("payload"), row.get("meta_data"));
        }
    }

    @Test
    void anUntouchedStoreVerifiesClean() {
        AuditVerifier.Report report = verifier.verifyAll();

        assertThat(report.intact()).isTrue();
        assertThat(report.firstBrokenLink()).isNull();
        assertThat(report.eventsChecked()).isGreaterThanOrEqualTo(pristine.size());
        assertThat(report.checkpointsChecked()).isPositive();
        assertThat(verifier.verifyAggregate(caseId).eventsChecked()).isEqualTo(pristine.size());
        assertThat(verifier.verifyAggregate(caseId).checkpointsChecked()).as("the checkpoint's mark of the case")
                .isEqualTo(1);
    }

    @Test
    void oneChangedByteOfAPayloadIsNamed() {
        Map<String, Object> event = row(3);
        byte[] payload = ((byte[]) event.get("payload")).clone();
        payload[payload.length / 2] ^= 0x01;
        jdbc.update("update domain_event_entry set payload = ? where event_identifier = ?", payload,
                event.get("event_identifier"));

        assertNamed(verifier.verifyAll(), event, "content");
    }

    @Test
    void aChangedMetadataFieldIsNamed() {
        Map<String, Object> event = row(1);
        String metadata = new String((byte[]) event.get("meta_data"), StandardCharsets.UTF_8);
        assertThat(metadata).contains("\"userId\"");
        String forged = metadata.replaceFirst("\"userId\":\"[^\"]*\"", "\"userId\":\"S999\"");
        jdbc.update("update domain_event_entry set meta_data = ? where event_identifier = ?",
                forged.getBytes(StandardCharsets.UTF_8), event.get("event_identifier"));

        assertNamed(verifier.verifyAll(), event, "content");
    }

    @Test
    void aDeletedEventIsNamed() {
        Map<String, Object> event = row(4);
        jdbc.update("delete from domain_event_entry where event_identifier = ?", event.get("event_identifier"));

        AuditVerifier.Report report = verifier.verifyAll();

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenLink().aggregateId()).isEqualTo(caseId);
        assertThat(report.firstBrokenLink().sequence()).isEqualTo(4);
        assertThat(report.firstBrokenLink().problem()).contains("missing");
        assertThat(report.firstCheckpointProblem()).isNotNull();
    }

    @Test
    void twoReorderedEventsAreNamed() {
        Map<String, Object> fifth = row(5);
        Map<String, Object> sixth = row(6);
        swap(fifth, sixth);

        AuditVerifier.Report report = verifier.verifyAll();

        // named by its place: sequence 5 now holds the sixth event, which does not follow the fourth
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenLink().sequence()).isEqualTo(5);
        assertThat(report.firstBrokenLink().globalIndex()).isEqualTo(((Number) fifth.get("global_index")).longValue());
        assertThat(report.firstBrokenLink().eventId()).isEqualTo(sixth.get("event_identifier"));
        assertThat(report.firstBrokenLink().problem()).contains("follow");
    }

    @Test
    void aWholeRewrittenChainIsCaughtByTheCheckpoint() {
        // the forger recomputes every hash after the change, so each chain link looks right again
        Map<String, Object> event = row(2);
        byte[] payload = ((byte[]) event.get("payload")).clone();
        payload[payload.length - 2] = (byte) (payload[payload.length - 2] == ' ' ? '\t' : ' ');
        jdbc.update("update domain_event_entry set payload = ? where event_identifier = ?", payload,
                event.get("event_identifier"));
        rehashFrom(2);

        AuditVerifier.Report report = verifier.verifyAll();

        assertThat(report.firstBrokenLink()).isNull();
        assertThat(report.intact()).isFalse();
        assertThat(report.firstCheckpointProblem()).contains("no longer matches");
        // the case's own check compares its latest event with the hash the checkpoint saw
        AuditVerifier.Report ofTheCase = verifier.verifyAggregate(caseId);
        assertThat(ofTheCase.intact()).isFalse();
        assertThat(ofTheCase.firstBrokenLink().sequence()).isEqualTo(pristine.size() - 1L);
        assertThat(ofTheCase.firstBrokenLink().problem()).contains("hash");
    }

    /**
     * The defect: a case's newest event deleted after a checkpoint covered it leaves a chain that is still a valid
     * chain, and the case's check said intact. The checkpoint's mark of the case names the event that is gone.
     */
    @Test
    void aDeletedLastEventThatACheckpointCoveredIsNamedByTheCaseTheStoreAndTheAuditPage() throws Exception {
        String id = api.fileCase("C0202", DemoCity.LIANGFENG_12, "交通标志牌被撞倒", "r002");
        awaitIndexedToTheEnd(id);
        TestRestTemplate admin = api.as("admin");
        for (int round = 0; round < 2; round++) {
            // the first round closes up to the head seen before, the second up to the head the first one saw
            assertThat(admin.postForEntity("/api/admin/audit/checkpoints", null, JsonNode.class).getStatusCode())
                    .isIn(HttpStatus.OK, HttpStatus.NO_CONTENT);
        }
        Map<String, Object> last = lastEventOf(id);
        assertThat(lastCheckpointEnd()).as("a checkpoint covers the case's last event")
                .isGreaterThanOrEqualTo(((Number) last.get("global_index")).longValue());

        deleteLastEventOf(id);

        JsonNode ofTheCase = admin.getForObject("/api/admin/audit/verification/" + id, JsonNode.class);
        assertThat(ofTheCase.path("intact").asBoolean()).as("%s", ofTheCase).isFalse();
        assertNamed(ofTheCase.path("firstBrokenLink"), last);
        JsonNode ofTheStore = admin.getForObject("/api/admin/audit/verification", JsonNode.class);
        assertThat(ofTheStore.path("intact").asBoolean()).isFalse();
        assertThat(ofTheStore.path("brokenLinks")).anySatisfy(link -> assertNamed(link, last));
        assertThat(ofTheStore.path("firstCheckpointProblem").asText()).contains(
                "global index " + last.get("global_index"), "sequence " + last.get("sequence_number"),
                (String) last.get("event_identifier"));
        assertThat(badgeOnTheAuditPage(id)).isEqualTo("防篡改校验未通过");
    }

    /** No checkpoint has covered the case's events yet, but the search index has folded its last one in. */
    @Test
    void aDeletedLastEventNoCheckpointCoveredIsNamedThroughTheCaseIndex() {
        String id = api.fileCase("C0103", DemoCity.LIANGFENG_02, "电力井盖缺失", "r003");
        awaitIndexedToTheEnd(id);
        Map<String, Object> last = lastEventOf(id);
        assertThat(lastCheckpointEnd()).as("no checkpoint covers the case's events")
                .isLessThan(((Number) rows(id).getFirst().get("global_index")).longValue());

        deleteLastEventOf(id);

        JsonNode ofTheCase = api.as("admin").getForObject("/api/admin/audit/verification/" + id, JsonNode.class);
        assertThat(ofTheCase.path("intact").asBoolean()).as("%s", ofTheCase).isFalse();
        assertThat(ofTheCase.path("firstBrokenLink").path("sequence").asLong())
                .isEqualTo(((Number) last.get("sequence_number")).longValue());
        assertThat(ofTheCase.path("firstBrokenLink").path("problem").asText()).contains("case index");
    }

    /** Waits until the search index has folded in every stored event of the case. */
    private static void awaitIndexedToTheEnd(String id) {
        api.awaitCase(id, c -> c.path("version").asLong() == sequenceOf(lastEventOf(id)));
    }

    private static void deleteLastEventOf(String id) {
        ALSO_TAMPERED.put(id, rows(id));
        assertThat(jdbc.update("""
                delete from domain_event_entry where aggregate_identifier = ? and sequence_number =
                       (select max(sequence_number) from domain_event_entry where aggregate_identifier = ?)""", id, id))
                .isEqualTo(1);
    }

    private static long lastCheckpointEnd() {
        return jdbc.queryForObject("select coalesce(max(to_global_index), -1) from audit_checkpoint", Long.class);
    }

    private static void assertNamed(JsonNode link, Map<String, Object> event) {
        assertThat(link.path("globalIndex").asLong()).isEqualTo(((Number) event.get("global_index")).longValue());
        assertThat(link.path("sequence").asLong()).isEqualTo(sequenceOf(event));
        assertThat(link.path("eventId").asText()).isEqualTo(event.get("event_identifier"));
    }

    /** The verification badge of the case's audit page, as the demo supervisor sees it once signed in. */
    private static String badgeOnTheAuditPage(String id) throws Exception {
        String root = "http://localhost:" + app.getEnvironment().getRequiredProperty("local.server.port");
        HttpClient browser = PageSession.signIn(root, Api.WATCHER, DemoAccounts.PASSWORD);
        String page = browser.send(HttpRequest.newBuilder(URI.create(root + "/supervisor/cases/" + id))
                .header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofString()).body();
        return find("id=\"verification\"[^>]*>([^<]*)<", page).strip();
    }

    private static String find(String pattern, String html) {
        Matcher found = Pattern.compile(pattern).matcher(html);
        assertThat(found.find()).as("%s in %s", pattern, html).isTrue();
        return found.group(1);
    }

    private static void assertNamed(AuditVerifier.Report report, Map<String, Object> event, String problem) {
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenLink().eventId()).isEqualTo(event.get("event_identifier"));
        assertThat(report.firstBrokenLink().sequence()).isEqualTo(((Number) event.get("sequence_number")).longValue());
        assertThat(report.firstBrokenLink().globalIndex()).isEqualTo(((Number) event.get("global_index")).longValue());
        assertThat(report.firstBrokenLink().problem()).contains(problem);
    }

    private static void swap(Map<String, Object> a, Map<String, Object> b) {
        for (String column : List.of("payload_type", "payload", "meta_data", "event_identifier", "time_stamp")) {
            jdbc.update("update domain_event_entry set " + column + " = ? where global_index = ?",
                    column.equals("event_identifier") ? "swap-" + b.get(column) : b.get(column), a.get("global_index"));
            jdbc.update("update domain_event_entry set " + column + " = ? where global_index = ?", a.get(column),
                    b.get("global_index"));
            if (column.equals("event_identifier")) {
                jdbc.update("update domain_event_entry set event_identifier = ? where global_index = ?", b.get(column),
                        a.get("global_index"));
            }
        }
    }

    /** What a forger with the hashing rules would do: recompute every link from the changed event on. */
    private static void rehashFrom(long sequence) {
        String previous = ChainingEventStorageEngineAccess.hashOf(row(sequence - 1));
        for (Map<String, Object> row : rows(caseId)) {
            long seq = ((Number) row.get("sequence_number")).longValue();
            if (seq < sequence) {
                continue;
            }
            Map<String, Object> metadata = ChainingEventStorageEngineAccess.metadata(row);
            String hash = EventChain.hash(previous, caseId, seq, (String) row.get("event_identifier"),
                    (String) row.get("time_stamp"), (String) row.get("payload_type"), (String) row.get("payload_revision"),
                    (byte[]) row.get("payload"), metadata);
            metadata.put(EventChain.PREVIOUS, previous);
            metadata.put(EventChain.HASH, hash);
            jdbc.update("update domain_event_entry set meta_data = ? where global_index = ?",
                    ChainingEventStorageEngineAccess.json(metadata), row.get("global_index"));
            previous = hash;
        }
    }

    private static Map<String, Object> lastEventOf(String id) {
        return rows(id).getLast();
    }

    private static long sequenceOf(Map<String, Object> event) {
        return ((Number) event.get("sequence_number")).longValue();
    }

    private static Map<String, Object> row(long sequence) {
        return jdbc.queryForMap("select * from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                caseId, sequence);
    }

    private static List<Map<String, Object>> rows(String aggregateId) {
        return jdbc.queryForList("select * from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number", aggregateId);
    }
}
