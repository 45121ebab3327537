package city.gridwhistle.web.limits;

import city.gridwhistle.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a shared limit costs a request: the time of one count in PostgreSQL, as a report pays it. A measurement, not
 * a test (its name keeps it out of the build); run with {@code -Dtest=RateLimitCostMeasurement}.
 */
@IntegrationTest
class RateLimitCostMeasurement {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void oneCountInPostgreSql() {
        RateLimits.Limit limit = new RateLimits(jdbc, Clock.systemUTC()).limit("measure-" + UUID.randomUUID(),
                1_000_000, Duration.ofMinutes(10), "reports");
        for (int i = 0; i < 2_000; i++) {
            limit.acquire("R" + (i % 50));
        }
        long[] nanos = new long[5_000];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            limit.acquire("R" + (i % 50));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("rate limit count: p50 %.3f ms, p99 %.3f ms over %d counts%n", nanos[nanos.length / 2] / 1e6,
                nanos[nanos.length * 99 / 100] / 1e6, nanos.length);
    }
}
