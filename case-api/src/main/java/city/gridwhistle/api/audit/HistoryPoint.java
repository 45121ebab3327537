package city.gridwhistle.api.audit;

import java.time.Instant;

/**
 * A point in a case's history: an instant (every event appended at or before it counts), or right after the event
 * with a sequence number. Events can share a millisecond, so stepping through a history event by event goes by
 * sequence number; an instant is for "as it stood on Monday at nine".
 *
 * @param at            the instant, or null when the point is given by sequence number
 * @param afterSequence the sequence number of the last event that counts, or null when the point is an instant
 */
public record HistoryPoint(Instant at, Long afterSequence) {

    public HistoryPoint {
        if ((at == null) == (afterSequence == null)) {
            throw new IllegalArgumentException("a point in a history is an instant or a sequence number, not both");
        }
    }

    public static HistoryPoint at(Instant instant) {
        return new HistoryPoint(instant, null);
    }

    public static HistoryPoint afterEvent(long sequence) {
        return new HistoryPoint(null, sequence);
    }

    /** Whether the event with this sequence number, appended at this instant, had happened by this point. */
    public boolean includes(long sequence, Instant appendedAt) {
        return at != null ? !appendedAt.isAfter(at) : sequence <= afterSequence;
    }

    @Override
    public String toString() {
        return at != null ? "at=" + at : "seq=" + afterSequence;
    }
}
