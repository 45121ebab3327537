package city.gridwhistle.infra.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checkpoints over the event store. Each covers the events appended since the previous one (a global-index range):
 * the Merkle root of their chain hashes, in global-index order, and a chain root that binds it to the previous
 * checkpoint. Exported and kept elsewhere, the roots prove that history was not rewritten, even a whole chain.
 *
 * <p>A checkpoint never covers events appended in the last moments: a transaction still open may yet commit an
 * event with a lower global index. {@link #advance()} therefore closes checkpoints up to the head seen on the
 * previous run (a recurring task runs it every few minutes), kept in {@code audit_checkpoint_watermark} so that
 * any instance of a cluster may make the next run, and a restart loses nothing.
 *
 * <p>Closing is serialised across instances by a transaction-level advisory lock: two instances (or the
 * scheduled run and an administrator's request) never close the same range twice, which would fork the chain of
 * checkpoints; a unique index on the range's start refuses that even without the lock.
 *
 * <p>Each checkpoint also moves the {@link CheckpointMarks marks} of the aggregates it covers, in the same
 * transaction: what lets the verifier name an event deleted from the end of a chain.
 */
public class Checkpoints {

    /** A checkpoint as stored and exported. */
    public record Checkpoint(long id, long fromGlobalIndex, long toGlobalIndex, long eventCount, String merkleRoot,
                             String chainRoot, Instant createdAt) {
    }

    /** Whether the checkpoints still match the events. */
    public record Verification(int checked, String problem) {
    }

    /** One lock for every instance on the database. */
    private static final String LOCK = "select pg_advisory_xact_lock(hashtext('gridwhistle.audit-checkpoint'))";
    /** How many missing events a checkpoint's problem names at most. */
    private static final int NAME_AT_MOST = 10;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JdbcTemplate cursor;
    private final CheckpointMarks marks;

    public Checkpoints(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cursor = new JdbcTemplate(jdbc.getDataSource());
        this.cursor.setFetchSize(1000);
        this.marks = new CheckpointMarks(jdbc);
    }

    /** What the checkpoints saw of each aggregate's latest event. */
    public CheckpointMarks marks() {
        return marks;
    }

    /** Closes a checkpoint up to the head seen on the previous run, then remembers the head now. */
    public Optional<Checkpoint> advance() {
        return transactions.execute(status -> {
            jdbc.queryForList(LOCK);
            List<Long> seen = jdbc.queryForList("select head_seen from audit_checkpoint_watermark", Long.class);
            jdbc.update("""
                    insert into audit_checkpoint_watermark (singleton, head_seen, seen_at) values (true, ?, now())
                    on conflict (singleton) do update set head_seen = excluded.head_seen, seen_at = now()""", head());
            return seen.isEmpty() || seen.getFirst() < 0 ? Optional.<Checkpoint>empty() : closeLocked(seen.getFirst());
        });
    }

    /** Closes a checkpoint over the events after the last checkpoint up to the global index; none if no events. */
    public Optional<Checkpoint> closeUpTo(long toGlobalIndex) {
        return transactions.execute(status -> {
            jdbc.queryForList(LOCK);
            return closeLocked(toGlobalIndex);
        });
    }

    private Optional<Checkpoint> closeLocked(long toGlobalIndex) {
        Optional<Checkpoint> last = last();
        long from = last.map(c -> c.toGlobalIndex() + 1).orElse(0L);
        if (toGlobalIndex < from) {
            return Optional.empty();
        }
        MerkleTree leaves = leaves(from, toGlobalIndex);
        if (leaves.count() == 0) {
            return Optional.empty();
        }
        String merkle = leaves.root();
        String chain = EventChain.sha256(last.map(Checkpoint::chainRoot).orElse(EventChain.GENESIS), merkle);
        long id = jdbc.queryForObject("""
                insert into audit_checkpoint (from_global_index, to_global_index, event_count, merkle_root, chain_root)
                values (?, ?, ?, ?, ?) returning checkpoint_id""", Long.class,
                from, toGlobalIndex, leaves.count(), merkle, chain);
        marks.record(id, from, toGlobalIndex);
        return last();
    }

    public List<Checkpoint> all() {
        return jdbc.query("""
                select checkpoint_id, from_global_index, to_global_index, event_count, merkle_root, chain_root, created_at
                  from audit_checkpoint order by checkpoint_id""", (rs, n) -> checkpoint(rs));
    }

    /** Recomputes every checkpoint from the events now stored and names the first that no longer matches. */
    public Verification verify() {
        // one transaction, so that the events are read through a cursor (see leaves)
        return transactions.execute(status -> verifyAll());
    }

    private Verification verifyAll() {
        String chain = EventChain.GENESIS;
        int checked = 0;
        for (Checkpoint checkpoint : all()) {
            checked++;
            MerkleTree leaves = leaves(checkpoint.fromGlobalIndex(), checkpoint.toGlobalIndex());
            String merkle = leaves.count() == 0 ? "" : leaves.root();
            chain = EventChain.sha256(chain, merkle);
            if (leaves.count() != checkpoint.eventCount()) {
                return new Verification(checked, "checkpoint " + checkpoint.id() + " covered " + checkpoint.eventCount()
                        + " events in global indexes " + checkpoint.fromGlobalIndex() + ".." + checkpoint.toGlobalIndex()
                        + "; " + leaves.count() + " are there now" + missingNamedBy(checkpoint));
            }
            if (!merkle.equals(checkpoint.merkleRoot()) || !chain.equals(checkpoint.chainRoot())) {
                return new Verification(checked, "checkpoint " + checkpoint.id() + " (global indexes "
                        + checkpoint.fromGlobalIndex() + ".." + checkpoint.toGlobalIndex()
                        + ") no longer matches the events it covers");
            }
        }
        return new Verification(checked, null);
    }

    /** The events the checkpoint's marks name that are gone; nothing when it left none (closed before marks). */
    private String missingNamedBy(Checkpoint checkpoint) {
        List<CheckpointMarks.Missing> missing = marks.missingOf(checkpoint.id(), NAME_AT_MOST);
        if (missing.isEmpty()) {
            return "";
        }
        List<String> named = missing.stream().map(CheckpointMarks.Missing::mark).map(mark -> "global index "
                + mark.globalIndex() + " (aggregate " + mark.aggregateId() + ", sequence " + mark.sequence()
                + ", event id " + mark.eventId() + ")").toList();
        return "; gone: " + String.join(", ", named);
    }

    /**
     * The leaves of a range, in global order, folded into their tree as they are read: a range may hold millions of
     * events (a first checkpoint over a large store, one after a bulk load), so neither the rows nor the leaves are
     * ever all in memory. Inside a transaction the rows come through a cursor, a thousand at a time.
     */
    private MerkleTree leaves(long from, long to) {
        MerkleTree tree = new MerkleTree();
        cursor.query("select meta_data, payload from domain_event_entry where global_index between ? and ? "
                + "order by global_index", (RowCallbackHandler) rs -> {
                    Object hash = ChainingEventStorageEngine.asMap(rs.getBytes(1)).get(EventChain.HASH);
                    tree.add(hash != null ? hash.toString() : EventChain.sha256(rs.getBytes(2)));
                }, from, to);
        return tree;
    }

    /**
     * The checkpoints' binary Merkle tree of SHA-256 (an odd node carried up unchanged), built leaf by leaf, holding one root per complete subtree (at most one per
     * height). Pairing level by level and carrying an odd node up unchanged gives the same root: the node carried
     * up is always the rightmost, so at the end the pending subtrees are joined from the lowest up, each as the
     * left of the one below it.
     */
    static final class MerkleTree {

        private final List<String> complete = new ArrayList<>();
        private long count;

        void add(String leaf) {
            String carry = leaf;
            int height = 0;
            while (height < complete.size() && complete.get(height) != null) {
                carry = EventChain.sha256(complete.get(height), carry);
                complete.set(height, null);
                height++;
            }
            if (height == complete.size()) {
                complete.add(carry);
            } else {
                complete.set(height, carry);
            }
            count++;
        }

        long count() {
            return count;
        }

        /** The root; null for no leaves. */
        String root() {
            String root = null;
            for (String subtree : complete) {
                if (subtree != null) {
                    root = root == null ? subtree : EventChain.sha256(subtree, root);
                }
            }
            return root;
        }
    }

    private Optional<Checkpoint> last() {
        return jdbc.query("""
                select checkpoint_id, from_global_index, to_global_index, event_count, merkle_root, chain_root, created_at
                  from audit_checkpoint order by checkpoint_id desc limit 1""", (rs, n) -> checkpoint(rs))
                .stream().findFirst();
    }

    private long head() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    private static Checkpoint checkpoint(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp created = rs.getTimestamp(7);
        return new Checkpoint(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), created.toInstant());
    }
}
