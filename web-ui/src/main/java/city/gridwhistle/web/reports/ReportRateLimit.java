package city.gridwhistle.web.reports;

import city.gridwhistle.web.security.SecuritySettings;
import city.gridwhistle.web.limits.RateLimits;
import org.springframework.stereotype.Component;

/**
 * At most {@code reportsPerWindow} reports per person per sliding {@code reportWindow}: enough for any honest
 * rider, a brake on floods, counted in PostgreSQL so that every instance counts against the one limit
 * ({@link RateLimits}). A limit of 0 turns it off (load tests, where a few accounts file thousands of reports a
 * second; see docs/benchmarks.md).
 */
@Component
public class ReportRateLimit {

    private final RateLimits.Limit limit;

    public ReportRateLimit(SecuritySettings settings, RateLimits limits) {
        this.limit = limits.limit("reports", settings.reportsPerWindow(), settings.reportWindow(), "reports");
    }

    /** Counts one report, or throws {@link RateLimitedException} with the time until the next is allowed. */
    public void acquire(String reporter) {
        limit.acquire(reporter);
    }
}
