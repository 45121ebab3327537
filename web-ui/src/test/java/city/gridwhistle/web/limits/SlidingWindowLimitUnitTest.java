package city.gridwhistle.web.limits;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.gridwhistle.web.reports.RateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The instance's own count, which the shared limits fall back on while PostgreSQL does not answer. */
class SlidingWindowLimitUnitTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2025-06-02T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void theEleventhCallInTheWindowIsRefused() {
        SlidingWindowLimit limit = new SlidingWindowLimit(10, Duration.ofMinutes(10), FIXED, "reports");
        for (int i = 0; i < 10; i++) {
            limit.acquire("R001");
        }
        assertThatThrownBy(() -> limit.acquire("R001")).isInstanceOf(RateLimitedException.class)
                .hasMessage("at most 10 reports per 10 minutes");
        assertThatCode(() -> limit.acquire("R002")).as("another caller's count").doesNotThrowAnyException();
    }

    @Test
    void aLimitOfZeroLetsEveryCallThrough() {
        SlidingWindowLimit limit = new SlidingWindowLimit(0, Duration.ofMinutes(10), FIXED, "reports");
        assertThatCode(() -> {
            for (int i = 0; i < 1_000; i++) {
                limit.acquire("R001");
            }
        }).doesNotThrowAnyException();
    }
}
