package city.gridwhistle.api.grid;

import java.time.Instant;

/**
 * A grid worker's duty as their own events record it.
 *
 * @param known  false when no such worker is enrolled
 * @param since  when they last went on or off duty; null when they never did
 */
public record WorkerDuty(String workerId, boolean known, boolean onDuty, Instant since) {
}
