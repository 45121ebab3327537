package city.gridwhistle.infra.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What checkpoints saw of each aggregate: its latest event that a checkpoint covered, as it was stored then
 * (decision 0045). A chain whose newest events were deleted is still a valid chain, so the chain alone cannot tell;
 * the mark can, and names the event.
 *
 * <p>One mark per aggregate, in {@code audit_checkpoint_mark}: closing a checkpoint moves the marks of the
 * aggregates it covers to their latest event in its range, but never over an event that is gone. A mark whose
 * event was deleted stays, so that a cut tail the aggregate has since grown again is still named.
 */
public class CheckpointMarks {

    /** An aggregate's latest event that a checkpoint covered, as it was stored then. */
    public record Mark(String aggregateId, long sequence, long globalIndex, String eventId, String chainHash,
                       long checkpointId) {
    }

    /**
     * A mark whose event is no longer stored as the checkpoint saw it: deleted, or another event now holds its
     * sequence number (then {@code globalIndexNow} and {@code eventIdNow} name it; otherwise they are null).
     */
    public record Missing(Mark mark, Long globalIndexNow, String eventIdNow) {
    }

    private static final String MARK = """
            select m.aggregate_identifier, m.sequence_number, m.global_index, m.event_identifier, m.chain_hash,
                   m.checkpoint_id""";
    private static final String MISSING = MARK + """
            , e.global_index, e.event_identifier
              from audit_checkpoint_mark m
              left join domain_event_entry e
                on e.aggregate_identifier = m.aggregate_identifier and e.sequence_number = m.sequence_number
             where (e.global_index is null or e.global_index <> m.global_index
                    or e.event_identifier <> m.event_identifier)""";

    private final JdbcTemplate jdbc;

    CheckpointMarks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Moves the marks of the aggregates with events in the range to their latest one there; called in the
     * transaction that closes the checkpoint. A mark moves only while the event it names is still there.
     */
    void record(long checkpointId, long fromGlobalIndex, long toGlobalIndex) {
        jdbc.update("""
                insert into audit_checkpoint_mark as m (aggregate_identifier, sequence_number, global_index,
                       event_identifier, chain_hash, checkpoint_id)
                select e.aggregate_identifier, e.sequence_number, e.global_index, e.event_identifier,
                       convert_from(e.meta_data, 'UTF8')::jsonb ->> ?, ?
                  from domain_event_entry e
                 where e.global_index in (select max(global_index) from domain_event_entry
                                           where global_index between ? and ? group by aggregate_identifier)
                on conflict (aggregate_identifier) do update
                   set sequence_number = excluded.sequence_number, global_index = excluded.global_index,
                       event_identifier = excluded.event_identifier, chain_hash = excluded.chain_hash,
                       checkpoint_id = excluded.checkpoint_id
                 where exists (select 1 from domain_event_entry s
                                where s.global_index = m.global_index and s.event_identifier = m.event_identifier
                                  and s.aggregate_identifier = m.aggregate_identifier
                                  and s.sequence_number = m.sequence_number)""",
                EventChain.HASH, checkpointId, fromGlobalIndex, toGlobalIndex);
    }

    /** The aggregate's mark; none when no checkpoint since marks exist has covered its events. */
    public Optional<Mark> of(String aggregateId) {
        return jdbc.query(MARK + " from audit_checkpoint_mark m where m.aggregate_identifier = ?",
                (rs, n) -> mark(rs), aggregateId).stream().findFirst();
    }

    /** The marks of the whole store whose event is no longer stored as the checkpoint saw it, by global index. */
    public List<Missing> missing(int atMost) {
        return jdbc.query(MISSING + " order by m.global_index limit ?", (rs, n) -> missing(rs), atMost);
    }

    /** The same, of the marks one checkpoint left. */
    List<Missing> missingOf(long checkpointId, int atMost) {
        return jdbc.query(MISSING + " and m.checkpoint_id = ? order by m.global_index limit ?",
                (rs, n) -> missing(rs), checkpointId, atMost);
    }

    private static Missing missing(ResultSet rs) throws SQLException {
        return new Missing(mark(rs), rs.getObject(7, Long.class), rs.getString(8));
    }

    private static Mark mark(ResultSet rs) throws SQLException {
        return new Mark(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getLong(6));
    }
}
