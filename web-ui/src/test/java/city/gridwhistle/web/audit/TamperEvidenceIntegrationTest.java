package city.gridwhistle.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.DemoCity;
import city.gridwhistle.GridWhistleApplication;
import city.gridwhistle.infra.audit.AuditVerifier;
import city.gridwhistle.infra.audit.ChainingEventStorageEngineAccess;
import city.gridwhistle.infra.audit.Checkpoints;
import city.gridwhistle.infra.audit.EventChain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
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

    @BeforeAll
    static void aCaseGoesRoundTheLoopAndACheckpointIsClosed() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of(System.getProperty("gridwhistle.data-dir")).getParent(), "tamper-");
        app = new SpringApplicationBuilder(GridWhistleApplication.class)
                .run("--server.port=0", "--gridwhistle.data-dir=" + dataDir, "--gridwhistle.demo.enabled=true");
        jdbc = app.getBean(JdbcTemplate.class);
        verifier = app.getBean(AuditVerifier.class);
        Api api = new Api(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:"
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
        pristine = rows();
        assertThat(pristine).hasSizeGreaterThan(10);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @AfterEach
    void restoreHistory() {
        jdbc.update("delete from domain_event_entry where aggregate_identifier = ?", caseId);
        for (Map<String, Object> row : pristine) {
            jdbc.update("""
                    insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,
                           type, time_stamp, payload_type, payload_revision, payload, meta_data)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    row.get("global_index"), row.get("event_identifier"), row.get("aggregate_identifier"),
                    row.get("sequence_number"), row.get("type"), row.get("time_stamp"), row.get("payload_type"),
                    row.get("payload_revision"), row.get("payload"), row.get("meta_data"));
        }
        assertThat(verifier.verifyAll().intact()).isTrue();
    }

    @Test
    void anUntouchedStoreVerifiesClean() {
        AuditVerifier.Report report = verifier.verifyAll();

        assertThat(report.intact()).isTrue();
        assertThat(report.firstBrokenLink()).isNull();
        assertThat(report.eventsChecked()).isGreaterThanOrEqualTo(pristine.size());
        assertThat(report.checkpointsChecked()).isPositive();
        assertThat(verifier.verifyAggregate(caseId).eventsChecked()).isEqualTo(pristine.size());
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
        for (Map<String, Object> row : rows()) {
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

    private static Map<String, Object> row(long sequence) {
        return jdbc.queryForMap("select * from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                caseId, sequence);
    }

    private static List<Map<String, Object>> rows() {
        return jdbc.queryForList("select * from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                caseId);
    }
}
