package city.gridwhistle.web.limits;

import city.gridwhistle.web.reports.RateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} calls per key (a person, an address) in any sliding {@code window}, counted by this
 * instance alone; a limit of 0 lets all through. What {@link RateLimits} falls back on while PostgreSQL does not
 * answer. Keys whose calls have all aged out are dropped as they are met again, and all of them
 * when the map grows past {@code MAX_KEYS}, so a caller who changes key cannot grow it without bound.
 */
final class SlidingWindowLimit {

    private static final int MAX_KEYS = 100_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final String what;
    private final ConcurrentHashMap<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    /** @param what what is limited, for the refusal: "reports", "requests" */
    SlidingWindowLimit(int limit, Duration window, Clock clock, String what) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.what = what;
    }

    /** Counts one call, or throws {@link RateLimitedException} with the time until the next is allowed. */
    void acquire(String key) {
        if (limit == 0) {
            return;
        }
        Instant now = clock.instant();
        if (recent.size() > MAX_KEYS) {
            recent.values().removeIf(times -> {
                synchronized (times) {
                    return times.isEmpty() || !times.peekLast().isAfter(now.minus(window));
                }
            });
        }
        Deque<Instant> times = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                Duration wait = Duration.between(now, times.peekFirst().plus(window));
                throw new RateLimitedException(Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0)),
                        "at most " + limit + " " + what + " per " + describe(window));
            }
            times.addLast(now);
        }
    }

    static String describe(Duration window) {
        return window.toSeconds() % 60 == 0 ? window.toMinutes() + " minutes" : window.toSeconds() + " seconds";
    }
}
