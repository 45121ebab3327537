package city.gridwhistle.api.readmodel;

import java.time.Instant;

/**
 * A rebuild's progress: events replayed of the event store's length when it started, the replay rate, the index
 * being filled and the one it replaces.
 *
 * @param state IDLE (never run), RUNNING, DONE or FAILED
 */
public record RebuildProgress(String readModel, String state, long eventsDone, long eventsTotal, double eventsPerSecond,
                              String fromIndex, String toIndex, Instant startedAt, Instant finishedAt, String error) {
}
