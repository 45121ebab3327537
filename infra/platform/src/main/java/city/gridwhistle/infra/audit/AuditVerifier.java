package city.gridwhistle.infra.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the event store and checks every aggregate's hash chain, then every checkpoint. Names the first event
 * (by global index) that no longer matches: changed content, a broken link to its predecessor, or a missing
 * event; and the first checkpoint whose root no longer matches the events it covers.
 */
public class AuditVerifier {

    /** One place where the store no longer matches its chain. */
    public record BrokenLink(long globalIndex, String aggregateId, long sequence, String eventId, String problem) {
    }

    /** What the verifier found. */
    public record Report(long eventsChecked, long aggregatesChecked, long checkpointsChecked, boolean intact,
                         BrokenLink firstBrokenLink, List<BrokenLink> brokenLinks, String firstCheckpointProblem) {
    }

    private static final int KEEP_AT_MOST = 100;
    private static final String ROWS = """
            select global_index, aggregate_identifier, sequence_number, event_identifier, time_stamp, payload_type,
                   payload_revision, payload, meta_data
              from domain_event_entry""";

    private final JdbcTemplate jdbc;
    private final JdbcTemplate cursor;
    private final TransactionTemplate transactions;
    private final Checkpoints checkpoints;

    public AuditVerifier(JdbcTemplate jdbc, TransactionTemplate transactions, Checkpoints checkpoints) {
        this.jdbc = jdbc;
        this.cursor = new JdbcTemplate(jdbc.getDataSource());
        this.cursor.setFetchSize(1000);
        this.transactions = transactions;
        this.checkpoints = checkpoints;
    }

    public Report verifyAll() {
        Walk walk = new Walk();
        // PostgreSQL hands rows over a fetch at a time only inside a transaction; outside one, the whole store at once
        transactions.executeWithoutResult(status ->
                cursor.query(ROWS + " order by aggregate_identifier, sequence_number", walk));
        return walk.report(checkpoints.verify());
    }

    /** Only the checkpoints: whether each still matches the events it covers. */
    public Checkpoints.Verification verifyCheckpoints() {
        return checkpoints.verify();
    }

    public Report verifyAggregate(String aggregateId) {
        Walk walk = new Walk();
        jdbc.query(ROWS + " where aggregate_identifier = ? order by sequence_number", walk, aggregateId);
        return walk.report(new Checkpoints.Verification(0, null));
    }

    /** Checks rows in (aggregate, sequence) order, remembering the stored hash of each aggregate's last event. */
    private static final class Walk implements RowCallbackHandler {

        private final List<BrokenLink> broken = new ArrayList<>();
        private String aggregate;
        private long expectedSequence;
        private String previousHash;
        private long events;
        private long aggregates;

        @Override
        public void processRow(java.sql.ResultSet rs) throws java.sql.SQLException {
            long globalIndex = rs.getLong(1);
            String aggregateId = rs.getString(2);
            long sequence = rs.getLong(3);
            String eventId = rs.getString(4);
            events++;
            if (!aggregateId.equals(aggregate)) {
                aggregate = aggregateId;
                aggregates++;
                expectedSequence = 0;
                previousHash = EventChain.GENESIS;
            }
            if (sequence != expectedSequence) {
                for (long missing = expectedSequence; missing < sequence && broken.size() < KEEP_AT_MOST; missing++) {
                    broken.add(new BrokenLink(globalIndex, aggregateId, missing, null,
                            "event " + missing + " is missing: sequence " + sequence + " follows " + (expectedSequence - 1)));
                }
            }
            Map<String, Object> metadata = ChainingEventStorageEngine.asMap(rs.getBytes(9));
            Object storedHash = metadata.get(EventChain.HASH);
            Object storedPrevious = metadata.get(EventChain.PREVIOUS);
            if (storedHash == null) {
                note(globalIndex, aggregateId, sequence, eventId, "carries no chain hash");
            } else if (!previousHash.equals(storedPrevious) && sequence == expectedSequence) {
                note(globalIndex, aggregateId, sequence, eventId,
                        "does not follow the event before it: an earlier event was changed, removed or reordered");
            } else {
                String recomputed = EventChain.hash(String.valueOf(storedPrevious), aggregateId, sequence, eventId,
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBytes(8), metadata);
                if (!recomputed.equals(storedHash)) {
                    note(globalIndex, aggregateId, sequence, eventId,
                            "its content (payload, metadata or identity) no longer matches its hash");
                }
            }
            previousHash = storedHash == null ? "" : storedHash.toString();
            expectedSequence = sequence + 1;
        }

        private void note(long globalIndex, String aggregateId, long sequence, String eventId, String problem) {
            if (broken.size() < KEEP_AT_MOST) {
                broken.add(new BrokenLink(globalIndex, aggregateId, sequence, eventId, problem));
            }
        }

        Report report(Checkpoints.Verification checkpoints) {
            broken.sort(Comparator.comparingLong(BrokenLink::globalIndex).thenComparingLong(BrokenLink::sequence));
            return new Report(events, aggregates, checkpoints.checked(), broken.isEmpty() && checkpoints.problem() == null,
                    broken.isEmpty() ? null : broken.getFirst(), List.copyOf(broken), checkpoints.problem());
        }
    }
}
