package city.gridwhistle.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the checkpoint marks cost (decision 0045), measured on purpose and never by the build (the name is not a
 * test's): {@code ./mvnw -pl infra/platform test -Dtest=CheckpointMarksCostMeasurement
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>100,000 events of cases going through their life: the cases start in 20 cohorts, one a round, and every case
 * under way gets its next event each round, so that its events spread over consecutive checkpoints; a checkpoint
 * closes after every round. Payloads and metadata have the sizes and keys of the demo's case events. Prints the
 * marks' rows and bytes per event beside the event store's, the same for a table holding every covered event (the
 * alternative weighed in the decision), and how long closing and verifying take.
 */
class CheckpointMarksCostMeasurement {

    private static final int EVENTS = 100_000;
    private static final int COHORTS = 20;

    private static AuditDatabase database;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transactions;

    @BeforeAll
    static void startPostgres() {
        // one connection kept open, as a pool would: the figures are the statements', not the connections'
        database = AuditDatabase.start("marks-cost-pg-");
        jdbc = database.jdbc;
        transactions = database.transactions;
    }

    @AfterAll
    static void stopPostgres() {
        database.close();
    }

    @ParameterizedTest(name = "{0} events a case")
    @ValueSource(ints = {4, 14})
    void measure(int eventsPerCase) {
        database.empty();
        Checkpoints checkpoints = new Checkpoints(jdbc, transactions);
        int cases = EVENTS / eventsPerCase;
        Map<String, String> lastHash = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        long closingNanos = 0;
        long markingNanos = 0;
        int rounds = COHORTS + eventsPerCase - 1;
        for (int round = 0; round < rounds; round++) {
            List<Object[]> batch = new ArrayList<>();
            for (int c = 0; c < cases; c++) {
                int sequence = round - c % COHORTS;
                if (sequence >= 0 && sequence < eventsPerCase) {
                    batch.add(event(ids.get(c), sequence, lastHash));
                }
            }
            jdbc.batchUpdate("""
                    insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload, meta_data)
                    values (?, ?, ?, 'CaseFile', ?, ?, ?, ?)""", batch);
            long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
            long started = System.nanoTime();
            Checkpoints.Checkpoint closed = checkpoints.closeUpTo(head).orElseThrow();
            closingNanos += System.nanoTime() - started;
            // the marks' statement once more on the same range, rolled back: only its time counts
            started = System.nanoTime();
            transactions.executeWithoutResult(status -> {
                checkpoints.marks().record(closed.id(), closed.fromGlobalIndex(), closed.toGlobalIndex());
                status.setRollbackOnly();
            });
            markingNanos += System.nanoTime() - started;
        }
        // sizes as they settle: the dead rows of moved marks (and of the rolled-back runs) reclaimed
        jdbc.execute("vacuum full analyze domain_event_entry");
        jdbc.execute("vacuum full analyze audit_checkpoint_mark");

        AuditVerifier verifier = new AuditVerifier(jdbc, transactions, checkpoints, List.of());
        long started = System.nanoTime();
        AuditVerifier.Report all = verifier.verifyAll();
        long verifyAllNanos = System.nanoTime() - started;
        started = System.nanoTime();
        List<CheckpointMarks.Missing> missing = checkpoints.marks().missing(100);
        long missingNanos = System.nanoTime() - started;
        int asked = 200;
        started = System.nanoTime();
        for (int i = 0; i < asked; i++) {
            assertThat(verifier.verifyAggregate(ids.get(i * (cases / asked))).checkpointsChecked()).isEqualTo(1);
        }
        long verifyOneNanos = (System.nanoTime() - started) / asked;
        assertThat(all.intact()).as("%s", all).isTrue();
        assertThat(missing).isEmpty();

        long events = count("domain_event_entry");
        long marks = count("audit_checkpoint_mark");
        long storeBytes = size("domain_event_entry");
        long markBytes = size("audit_checkpoint_mark");
        jdbc.execute("""
                create table leaves_for_comparison as
                select global_index, aggregate_identifier, sequence_number, event_identifier,
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'gw.hash' as chain_hash
                  from domain_event_entry""");
        jdbc.execute("alter table leaves_for_comparison add primary key (global_index)");
        jdbc.execute("create index on leaves_for_comparison (aggregate_identifier, sequence_number)");
        long leafBytes = size("leaves_for_comparison");
        jdbc.execute("drop table leaves_for_comparison");

        System.out.printf("""
                %d events a case: %d events, %d aggregates, %d checkpoints
                  event store  %,d bytes, %.0f a event (table and indexes)
                  marks        %d rows (%.3f an event), %,d bytes, %.1f an event, %.0f a mark
                  leaves       %,d bytes, %.1f an event (the alternative: a row per covered event)
                  closing      %.1f ms a checkpoint on average, of which the marks %.1f ms
                  verifyAll    %.0f ms (the marks' query %.1f ms); one aggregate %.2f ms on average
                """, eventsPerCase, events, cases, rounds, storeBytes, (double) storeBytes / events, marks,
                (double) marks / events, markBytes, (double) markBytes / events, (double) markBytes / marks,
                leafBytes, (double) leafBytes / events, closingNanos / 1e6 / rounds, markingNanos / 1e6 / rounds,
                verifyAllNanos / 1e6, missingNanos / 1e6, verifyOneNanos / 1e6);
    }

    /** One case event with the sizes of the demo's (payload about 300 bytes, metadata with its usual keys). */
    private static Object[] event(String caseId, int sequence, Map<String, String> lastHash) {
        String eventId = UUID.randomUUID().toString();
        String timestamp = "2026-12-07T10:00:00.000" + String.format("%03d", sequence) + "Z";
        String type = "city.gridwhistle.api.casework.CaseStepDeadlineSetEvent";
        byte[] payload = ("{\"caseId\":\"" + caseId + "\",\"step\":\"HANDLE\",\"startedAt\":\"2026-12-07T10:00:00Z\","
                + "\"warnAt\":\"2026-12-08T06:00:00Z\",\"dueAt\":\"2026-12-08T10:00:00Z\",\"limitMinutes\":1440,"
                + "\"calendar\":\"WORKING_DAYS\",\"workerId\":\"W010\",\"note\":\"" + "x".repeat(90) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        String correlation = UUID.randomUUID().toString();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("traceId", correlation);
        metadata.put("role", "GRID_WORKER");
        metadata.put("channel", "APP");
        metadata.put("correlationId", correlation);
        metadata.put("userId", "W010");
        metadata.put("username", "w010");
        String previous = lastHash.getOrDefault(caseId, EventChain.GENESIS);
        String hash = EventChain.hash(previous, caseId, sequence, eventId, timestamp, type, null, payload, metadata);
        metadata.put(EventChain.HASH, hash);
        metadata.put(EventChain.PREVIOUS, previous);
        lastHash.put(caseId, hash);
        return new Object[] {eventId, caseId, sequence, timestamp, type, payload, AuditDatabase.json(metadata)};
    }

    private static long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static long size(String table) {
        return jdbc.queryForObject("select pg_total_relation_size(?::regclass)", Long.class, table);
    }
}
