package city.gridwhistle.api.readmodel;

import java.time.Duration;
import java.time.Instant;

/**
 * A rebuild's progress: events replayed of the events the store held when it started (counted, not read off the
 * global positions, which have gaps), the replay rate, the index being filled and the one it replaces. A rebuild of the daily figures counts cases read from the index as its
 * events.
 *
 * @param state IDLE (never run), RUNNING, DONE or FAILED
 */
public record RebuildProgress(String readModel, String state, long eventsDone, long eventsTotal, double eventsPerSecond,
                              String fromIndex, String toIndex, Instant startedAt, Instant finishedAt, String error) {

    /** A running rebuild, {@code count} more events done, of at least {@code total}. */
    public RebuildProgress advancedBy(long count, long total) {
        long done = eventsDone + count;
        double seconds = Math.max(Duration.between(startedAt, Instant.now()).toMillis(), 1) / 1000.0;
        return new RebuildProgress(readModel, state, done, Math.max(total, done), done / seconds, fromIndex, toIndex,
                startedAt, null, null);
    }

    /** The rebuild ended now, DONE or FAILED (with the error). */
    public RebuildProgress finished(String endState, String endError) {
        return new RebuildProgress(readModel, endState, eventsDone, eventsTotal, eventsPerSecond, fromIndex, toIndex,
                startedAt, Instant.now(), endError);
    }
}
