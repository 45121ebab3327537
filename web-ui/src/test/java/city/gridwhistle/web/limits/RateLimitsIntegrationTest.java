package city.gridwhistle.web.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.gridwhistle.IntegrationTest;
import city.gridwhistle.web.reports.RateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Limits counted in PostgreSQL hold across instances: two instances (two counters over the one database) allow the
 * limit once, not twice; parallel calls never race past it; the window slides; a refusal says how long to wait.
 */
@IntegrationTest
class RateLimitsIntegrationTest {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void twoInstancesCountAgainstOneLimit() {
        String scope = scope();
        Clock now = Clock.fixed(Instant.parse("2026-12-07T08:01:00Z"), ZoneOffset.UTC);
        RateLimits.Limit first = new RateLimits(jdbc, now).limit(scope, 10, TEN_MINUTES, "reports");
        RateLimits.Limit second = new RateLimits(jdbc, now).limit(scope, 10, TEN_MINUTES, "reports");
        for (int i = 0; i < 5; i++) {
            first.acquire("R001");
            second.acquire("R001");
        }

        assertThatThrownBy(() -> first.acquire("R001")).isInstanceOfSatisfying(RateLimitedException.class, refused -> {
            assertThat(refused.getMessage()).isEqualTo("at most 10 reports per 10 minutes");
            assertThat(refused.retryAfterSeconds()).isEqualTo(540);
        });
        assertThatThrownBy(() -> second.acquire("R001")).isInstanceOf(RateLimitedException.class);
        assertThatCode(() -> second.acquire("R002")).as("another rider's count").doesNotThrowAnyException();
    }

    @Test
    void parallelCallsNeverRacePastTheLimit() throws Exception {
        RateLimits.Limit limit = new RateLimits(jdbc, Clock.systemUTC()).limit(scope(), 10, TEN_MINUTES, "photos");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(() -> {
                    try {
                        limit.acquire("W001");
                        return true;
                    } catch (RateLimitedException refused) {
                        return false;
                    }
                });
            }
            long passed = 0;
            for (Future<Boolean> call : pool.invokeAll(calls)) {
                passed += call.get() ? 1 : 0;
            }
            assertThat(passed).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theWindowSlides() {
        String scope = scope();
        AtomicLong millis = new AtomicLong(Instant.parse("2026-12-07T08:09:00Z").toEpochMilli());
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis.get());
            }
        };
        RateLimits.Limit limit = new RateLimits(jdbc, clock).limit(scope, 10, TEN_MINUTES, "reports");
        for (int i = 0; i < 10; i++) {
            limit.acquire("R001");
        }
        // one minute into the next window the ten still weigh 9/10: 9 + 1 > 10 is refused only at the second call
        millis.addAndGet(Duration.ofMinutes(2).toMillis());
        assertThatCode(() -> limit.acquire("R001")).doesNotThrowAnyException();
        assertThatThrownBy(() -> limit.acquire("R001")).isInstanceOf(RateLimitedException.class);
        // a whole window later the old ones weigh nothing
        millis.addAndGet(TEN_MINUTES.toMillis());
        assertThatCode(() -> limit.acquire("R001")).doesNotThrowAnyException();
    }

    private static String scope() {
        return "test-" + UUID.randomUUID();
    }
}
