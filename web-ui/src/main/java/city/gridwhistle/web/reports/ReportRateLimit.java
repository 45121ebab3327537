package city.gridwhistle.web.reports;

import city.gridwhistle.web.security.SecuritySettings;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * At most {@code reportsPerWindow} reports per person per sliding {@code reportWindow}: enough for any honest
 * rider, a brake on floods. Kept per application instance, so a cluster of n instances allows up to n times the
 * limit; the limit is a brake on abuse, not an accounting. A limit of 0 turns it off (load tests, where a few
 * accounts file thousands of reports a second; see docs/benchmarks.md).
 */
@Component
public class ReportRateLimit {

    private final SlidingWindowLimit limit;

    public ReportRateLimit(SecuritySettings settings, Clock clock) {
        this.limit = new SlidingWindowLimit(settings.reportsPerWindow(), settings.reportWindow(), clock, "reports");
    }

    /** Counts one report, or throws {@link RateLimitedException} with the time until the next is allowed. */
    public void acquire(String reporter) {
        limit.acquire(reporter);
    }
}
