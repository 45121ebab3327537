package city.gridwhistle.web.reports;

import city.gridwhistle.web.security.SecuritySettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * At most {@code reportsPerWindow} reports per person per sliding {@code reportWindow}: enough for any honest
 * rider, a brake on floods. Kept per application instance, so a cluster of n instances allows up to n times the
 * limit; the limit is a brake on abuse, not an accounting. A limit of 0 turns it off (load tests, where a few
 * accounts file thousands of reports a second; see docs/benchmarks.md).
 */
@Component
public class ReportRateLimit {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    public ReportRateLimit(SecuritySettings settings, Clock clock) {
        this.limit = settings.reportsPerWindow();
        this.window = settings.reportWindow();
        this.clock = clock;
    }

    /** Counts one report, or throws {@link RateLimitedException} with the time until the next is allowed. */
    public void acquire(String reporter) {
        if (limit == 0) {
            return;
        }
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(reporter, r -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                Duration wait = Duration.between(now, times.peekFirst().plus(window));
                throw new RateLimitedException(Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0)),
                        "at most " + limit + " reports per " + window.toMinutes() + " minutes");
            }
            times.addLast(now);
        }
    }
}
