package city.gridwhistle.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An aggregate's newest events are deleted: its chain is still a valid chain, so only what others saw of it can
 * tell. The checkpoint that covered the events left a mark (the aggregate's latest event it covered); a read model
 * remembers the last sequence it folded in. Each test starts from an empty store.
 */
class CutTailIntegrationTest {

    private static final String CASE = "case-a";

    private static AuditDatabase database;
    private static JdbcTemplate jdbc;
    private static Checkpoints checkpoints;

    @BeforeAll
    static void startPostgres() {
        database = AuditDatabase.start("cut-tail-pg-");
        jdbc = database.jdbc;
        checkpoints = new Checkpoints(jdbc, database.transactions);
    }

    @AfterAll
    static void stopPostgres() {
        database.close();
    }

    @BeforeEach
    void emptyStore() {
        database.empty();
    }

    @Test
    void aDeletedLastEventThatACheckpointCoveredIsNamedByTheAggregateAndByTheWholeStore() {
        append(CASE, 3);
        append("case-b", 2);
        checkpoints.closeUpTo(head());
        Map<String, Object> gone = deleteLast(CASE);

        AuditVerifier.Report one = verifier().verifyAggregate(CASE);
        AuditVerifier.Report all = verifier().verifyAll();

        assertThat(one.intact()).isFalse();
        assertThat(one.checkpointsChecked()).isEqualTo(1);
        assertNames(one.firstBrokenLink(), gone, "gone");
        assertThat(all.intact()).isFalse();
        assertThat(all.brokenLinks()).anySatisfy(link -> assertNames(link, gone, "gone"));
        assertThat(all.firstCheckpointProblem()).contains("4 are there now", "global index " + gone.get("global_index"),
                CASE, "sequence 2", (String) gone.get("event_identifier"));
        assertThat(verifier().verifyAggregate("case-b").intact()).isTrue();
    }

    @Test
    void anAggregateWhoseEveryEventIsGoneIsNotIntact() {
        append(CASE, 2);
        checkpoints.closeUpTo(head());
        Map<String, Object> last = lastOf(CASE);
        jdbc.update("delete from domain_event_entry where aggregate_identifier = ?", CASE);

        AuditVerifier.Report one = verifier().verifyAggregate(CASE);

        assertThat(one.eventsChecked()).isZero();
        assertThat(one.intact()).isFalse();
        assertNames(one.firstBrokenLink(), last, "gone");
    }

    /** The forger deletes the tail and lets the case go on: the next checkpoint must not forget what it lost. */
    @Test
    void aCutTailGrownAgainStaysNamedAfterTheNextCheckpoint() {
        append(CASE, 3);
        checkpoints.closeUpTo(head());
        Map<String, Object> gone = deleteLast(CASE);
        append(CASE, 1);
        checkpoints.closeUpTo(head());

        AuditVerifier.Report one = verifier().verifyAggregate(CASE);

        assertThat(one.intact()).isFalse();
        assertNames(one.firstBrokenLink(), gone, "replaced");
        assertThat(one.firstBrokenLink().problem()).contains("global index " + lastOf(CASE).get("global_index"));
    }

    /** Checkpoints closed before marks existed: they verify as they did, and cannot say which event is gone. */
    @Test
    void aCheckpointWithoutMarksVerifiesAsBefore() {
        append(CASE, 3);
        checkpoints.closeUpTo(head());
        jdbc.update("delete from audit_checkpoint_mark");
        assertThat(verifier().verifyAll().intact()).isTrue();
        assertThat(verifier().verifyAggregate(CASE).checkpointsChecked()).isZero();

        deleteLast(CASE);

        assertThat(verifier().verifyAll().firstCheckpointProblem())
                .isEqualTo("checkpoint 1 covered 3 events in global indexes 0..3; 2 are there now");
        assertThat(verifier().verifyAggregate(CASE).intact()).as("a cut tail nobody saw").isTrue();
    }

    @Test
    void aDeletedLastEventThatAReadModelFoldedInIsNamedByTheAggregate() {
        append(CASE, 3);
        SequenceWitness index = witness(CASE, 2);
        SequenceWitness behind = witness(CASE, 1);
        assertThat(verifier(index, behind).verifyAggregate(CASE).intact()).isTrue();

        deleteLast(CASE);

        AuditVerifier.Report one = verifier(index, behind).verifyAggregate(CASE);
        assertThat(one.intact()).isFalse();
        assertThat(one.brokenLinks()).singleElement().satisfies(link -> {
            assertThat(link.sequence()).isEqualTo(2);
            assertThat(link.globalIndex()).isNull();
            assertThat(link.problem()).contains("the test index", "sequence 1");
        });
        assertThat(verifier(behind).verifyAggregate(CASE).intact()).isTrue();
    }

    private static void assertNames(AuditVerifier.BrokenLink link, Map<String, Object> event, String problem) {
        assertThat(link.aggregateId()).isEqualTo(event.get("aggregate_identifier"));
        assertThat(link.sequence()).isEqualTo(((Number) event.get("sequence_number")).longValue());
        assertThat(link.globalIndex()).isEqualTo(((Number) event.get("global_index")).longValue());
        assertThat(link.eventId()).isEqualTo(event.get("event_identifier"));
        assertThat(link.problem()).contains(problem);
    }

    private static AuditVerifier verifier(SequenceWitness... witnesses) {
        return new AuditVerifier(jdbc, database.transactions, checkpoints, List.of(witnesses));
    }

    /** A read model that has folded the aggregate's events in up to the sequence. */
    private static SequenceWitness witness(String aggregateId, long sequence) {
        return new SequenceWitness() {
            @Override
            public String name() {
                return "the test index";
            }

            @Override
            public OptionalLong lastSequenceSeen(String id) {
                return id.equals(aggregateId) ? OptionalLong.of(sequence) : OptionalLong.empty();
            }
        };
    }

    /** Appends events to the aggregate's chain, hashed as the chaining engine hashes them. */
    private static void append(String aggregateId, int count) {
        for (int i = 0; i < count; i++) {
            Long last = jdbc.queryForObject("select max(sequence_number) from domain_event_entry "
                    + "where aggregate_identifier = ?", Long.class, aggregateId);
            long sequence = last == null ? 0 : last + 1;
            String previous = last == null ? EventChain.GENESIS : (String) ChainingEventStorageEngine
                    .asMap((byte[]) lastOf(aggregateId).get("meta_data")).get(EventChain.HASH);
            String eventId = UUID.randomUUID().toString();
            String timestamp = "2026-12-07T10:00:0" + sequence + "Z";
            byte[] payload = ("{\"n\":" + sequence + "}").getBytes(StandardCharsets.UTF_8);
            Map<String, Object> metadata = new LinkedHashMap<>(Map.of("userId", "u1"));
            metadata.put(EventChain.HASH, EventChain.hash(previous, aggregateId, sequence, eventId, timestamp, "Test",
                    null, payload, metadata));
            metadata.put(EventChain.PREVIOUS, previous);
            jdbc.update("""
                    insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload, meta_data)
                    values (?, ?, ?, 'Test', ?, 'Test', ?, ?)""",
                    eventId, aggregateId, sequence, timestamp, payload, AuditDatabase.json(metadata));
        }
    }

    private static Map<String, Object> deleteLast(String aggregateId) {
        Map<String, Object> last = lastOf(aggregateId);
        jdbc.update("delete from domain_event_entry where global_index = ?", last.get("global_index"));
        return last;
    }

    private static Map<String, Object> lastOf(String aggregateId) {
        return jdbc.queryForMap("select * from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number desc limit 1", aggregateId);
    }

    private static long head() {
        return jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
    }
}
