package city.gridwhistle.web.reports;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.gridwhistle.web.security.SecuritySettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReportRateLimitUnitTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2025-06-02T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void theEleventhReportInTheWindowIsRefused() {
        ReportRateLimit limit = new ReportRateLimit(settings(10), FIXED);
        for (int i = 0; i < 10; i++) {
            limit.acquire("R001");
        }
        assertThatThrownBy(() -> limit.acquire("R001")).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void aLimitOfZeroLetsEveryReportThrough() {
        ReportRateLimit limit = new ReportRateLimit(settings(0), FIXED);
        assertThatCode(() -> {
            for (int i = 0; i < 1_000; i++) {
                limit.acquire("R001");
            }
        }).doesNotThrowAnyException();
    }

    private static SecuritySettings settings(int reportsPerWindow) {
        return new SecuritySettings(Duration.ofHours(12), 5, Duration.ofMinutes(15), reportsPerWindow,
                Duration.ofMinutes(10), null);
    }
}
