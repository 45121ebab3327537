package city.gridwhistle.infra.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the event store and checks every aggregate's hash chain, then every checkpoint. Names the first event
 * (by global index) that no longer matches: changed content, a broken link to its predecessor, or a missing
 * event; and the first checkpoint whose root no longer matches the events it covers.
 *
 * <p>A chain whose newest events were deleted is still a valid chain. Both checks therefore also compare with what
 * others saw: the {@link CheckpointMarks marks} checkpoints left (each aggregate's latest event they covered), and,
 * for one aggregate, the {@link SequenceWitness witnesses} such as a read model (decision 0045).
 */
public class AuditVerifier {

    /**
     * One place where the store no longer matches its chain, or what was seen of it.
     *
     * @param globalIndex the event's global index; null when nothing stored says it (an event only a read model saw)
     */
    public record BrokenLink(Long globalIndex, String aggregateId, long sequence, String eventId, String problem) {
    }

    /**
     * What the verifier found.
     *
     * @param checkpointsChecked for the whole store, the checkpoints recomputed; for one aggregate, 1 when the mark a
     *                           checkpoint left of it was compared, else 0
     */
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
    private final List<SequenceWitness> witnesses;

    public AuditVerifier(JdbcTemplate jdbc, TransactionTemplate transactions, Checkpoints checkpoints,
                         List<SequenceWitness> witnesses) {
        this.jdbc = jdbc;
        this.cursor = new JdbcTemplate(jdbc.getDataSource());
        this.cursor.setFetchSize(1000);
        this.transactions = transactions;
        this.checkpoints = checkpoints;
        this.witnesses = List.copyOf(witnesses);
    }

    /** Every chain, every checkpoint, and every checkpoint mark; the witnesses are asked only about one aggregate. */
    public Report verifyAll() {
        Walk walk = new Walk();
        // PostgreSQL hands rows over a fetch at a time only inside a transaction; outside one, the whole store at once
        transactions.executeWithoutResult(status ->
                cursor.query(ROWS + " order by aggregate_identifier, sequence_number", walk));
        checkpoints.marks().missing(KEEP_AT_MOST).forEach(missing -> walk.note(gone(missing)));
        return walk.report(checkpoints.verify());
    }

    /** Only the checkpoints: whether each still matches the events it covers. */
    public Checkpoints.Verification verifyCheckpoints() {
        return checkpoints.verify();
    }

    /**
     * One aggregate: its chain, its latest event that a checkpoint covered (still there, unchanged), and whether a
     * witness has seen a sequence number beyond the chain's end.
     */
    public Report verifyAggregate(String aggregateId) {
        // the witnesses first: an event appended while the chain is read must not look like one that is gone
        List<Seen> seen = new ArrayList<>();
        for (SequenceWitness witness : witnesses) {
            witness.lastSequenceSeen(aggregateId).ifPresent(sequence -> seen.add(new Seen(witness.name(), sequence)));
        }
        Walk walk = new Walk();
        jdbc.query(ROWS + " where aggregate_identifier = ? order by sequence_number", walk, aggregateId);
        long last = walk.lastSequence();
        for (Seen witness : seen) {
            if (witness.sequence() > last) {
                walk.note(new BrokenLink(null, aggregateId, witness.sequence(), null, "is gone: " + witness.witness()
                        + " has folded in events up to sequence " + witness.sequence() + ", the store holds "
                        + (last < 0 ? "none of them" : "them only up to sequence " + last)));
            }
        }
        Optional<CheckpointMarks.Mark> mark = checkpoints.marks().of(aggregateId);
        mark.ifPresent(m -> compare(m, walk));
        return walk.report(new Checkpoints.Verification(mark.isPresent() ? 1 : 0, null));
    }

    private record Seen(String witness, long sequence) {
    }

    /** Whether the event a checkpoint covered last of the aggregate is still stored as it saw it. */
    private void compare(CheckpointMarks.Mark mark, Walk walk) {
        List<Map<String, Object>> now = jdbc.queryForList("""
                select global_index, event_identifier, meta_data from domain_event_entry
                 where aggregate_identifier = ? and sequence_number = ?""", mark.aggregateId(), mark.sequence());
        if (now.isEmpty()) {
            walk.note(gone(new CheckpointMarks.Missing(mark, null, null)));
            return;
        }
        long globalIndex = ((Number) now.getFirst().get("global_index")).longValue();
        String eventId = (String) now.getFirst().get("event_identifier");
        if (globalIndex != mark.globalIndex() || !eventId.equals(mark.eventId())) {
            walk.note(gone(new CheckpointMarks.Missing(mark, globalIndex, eventId)));
            return;
        }
        Object hash = ChainingEventStorageEngine.asMap((byte[]) now.getFirst().get("meta_data")).get(EventChain.HASH);
        if (!Objects.equals(hash == null ? null : hash.toString(), mark.chainHash())) {
            walk.note(new BrokenLink(mark.globalIndex(), mark.aggregateId(), mark.sequence(), mark.eventId(),
                    "no longer carries the chain hash checkpoint " + mark.checkpointId()
                            + " covered: it, or an event before it, was rewritten"));
        }
    }

    /** The event a mark names, which is no longer stored as the checkpoint saw it. */
    private static BrokenLink gone(CheckpointMarks.Missing missing) {
        CheckpointMarks.Mark mark = missing.mark();
        String covered = "checkpoint " + mark.checkpointId() + " covered it as the aggregate's latest event";
        String problem = missing.globalIndexNow() == null ? "is gone: " + covered
                : "was replaced: " + covered + ", and event " + missing.eventIdNow() + " at global index "
                        + missing.globalIndexNow() + " now holds sequence " + mark.sequence();
        return new BrokenLink(mark.globalIndex(), mark.aggregateId(), mark.sequence(), mark.eventId(), problem);
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
            note(new BrokenLink(globalIndex, aggregateId, sequence, eventId, problem));
        }

        void note(BrokenLink link) {
            if (broken.size() < KEEP_AT_MOST) {
                broken.add(link);
            }
        }

        /** The sequence number of the last event walked, for a walk over one aggregate; -1 when there was none. */
        long lastSequence() {
            return expectedSequence - 1;
        }

        Report report(Checkpoints.Verification checkpoints) {
            // an event only a witness saw has no known global index: after those that have one
            broken.sort(Comparator.comparing(BrokenLink::globalIndex, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparingLong(BrokenLink::sequence));
            return new Report(events, aggregates, checkpoints.checked(), broken.isEmpty() && checkpoints.problem() == null,
                    broken.isEmpty() ? null : broken.getFirst(), List.copyOf(broken), checkpoints.problem());
        }
    }
}
