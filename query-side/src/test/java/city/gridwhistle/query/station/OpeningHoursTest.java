package city.gridwhistle.query.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {

    private static final OpeningHours DAYTIME = OpeningHours.of(LocalTime.of(8, 0), LocalTime.of(22, 0));
    private static final OpeningHours ACROSS_MIDNIGHT = OpeningHours.of(LocalTime.of(18, 0), LocalTime.of(2, 0));
    private static final OpeningHours AROUND_THE_CLOCK = OpeningHours.of(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    @Test
    void daytimeHoursIncludeTheOpeningMinuteButNotTheClosingOne() {
        assertThat(DAYTIME.isOpenAt(minute(7, 59))).isFalse();
        assertThat(DAYTIME.isOpenAt(minute(8, 0))).isTrue();
        assertThat(DAYTIME.isOpenAt(minute(21, 59))).isTrue();
        assertThat(DAYTIME.isOpenAt(minute(22, 0))).isFalse();
        assertThat(DAYTIME.overnight()).isFalse();
    }

    @Test
    void hoursAcrossMidnightAreOpenLateAndEarlyButNotInTheAfternoon() {
        assertThat(ACROSS_MIDNIGHT.overnight()).isTrue();
        assertThat(ACROSS_MIDNIGHT.isOpenAt(minute(1, 30))).isTrue();
        assertThat(ACROSS_MIDNIGHT.isOpenAt(minute(2, 0))).isFalse();
        assertThat(ACROSS_MIDNIGHT.isOpenAt(minute(2, 30))).isFalse();
        assertThat(ACROSS_MIDNIGHT.isOpenAt(minute(12, 0))).isFalse();
        assertThat(ACROSS_MIDNIGHT.isOpenAt(minute(18, 0))).isTrue();
        assertThat(ACROSS_MIDNIGHT.isOpenAt(minute(23, 59))).isTrue();
        assertThat(ACROSS_MIDNIGHT.isOpenAt(minute(0, 0))).isTrue();
    }

    @Test
    void opensEqualToClosesMeansAroundTheClock() {
        assertThat(AROUND_THE_CLOCK.allDay()).isTrue();
        for (int minute = 0; minute < 24 * 60; minute += 7) {
            assertThat(AROUND_THE_CLOCK.isOpenAt(minute)).as("minute %d", minute).isTrue();
        }
        assertThat(OpeningHours.of(LocalTime.of(6, 0), LocalTime.of(6, 0)).isOpenAt(minute(5, 59))).isTrue();
    }

    @Test
    void instantsAreReadInCityTime() {
        // 17:30 UTC is 01:30 the next morning in Asia/Shanghai (UTC+8, no daylight saving)
        assertThat(OpeningHours.minuteOfDay(Instant.parse("2026-12-01T17:30:00Z"))).isEqualTo(minute(1, 30));
        assertThat(ACROSS_MIDNIGHT.isOpenAt(Instant.parse("2026-12-01T17:30:00Z"))).isTrue();
        assertThat(ACROSS_MIDNIGHT.isOpenAt(Instant.parse("2026-12-01T18:30:00Z"))).isFalse();
    }

    private static int minute(int hour, int minute) {
        return hour * 60 + minute;
    }
}
