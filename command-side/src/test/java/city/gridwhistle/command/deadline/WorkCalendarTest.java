package city.gridwhistle.command.deadline;

import static city.gridwhistle.api.shared.LimitUnit.MINUTES;
import static city.gridwhistle.api.shared.LimitUnit.NATURAL_DAYS;
import static city.gridwhistle.api.shared.LimitUnit.URGENT_HOURS;
import static city.gridwhistle.api.shared.LimitUnit.WORKING_DAYS;
import static city.gridwhistle.api.shared.LimitUnit.WORKING_HOURS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import city.gridwhistle.api.shared.LimitUnit;
import city.gridwhistle.api.shared.TimeLimit;
import city.gridwhistle.command.deadline.WorkCalendarDefinition.WorkingPeriod;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class WorkCalendarTest {

    static final ZoneId CHENGDU = ZoneId.of("Asia/Shanghai");

    private final WorkCalendar calendar = shippedCalendar();

    static WorkCalendarDefinition shippedDefinition() {
        try (InputStream in = WorkCalendarTest.class.getClassLoader()
                .getResourceAsStream(WorkCalendarConfiguration.CALENDAR)) {
            return WorkCalendarDefinition.read(in, new ObjectMapper());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WorkCalendar shippedCalendar() {
        return new WorkCalendar(shippedDefinition());
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CHENGDU).toInstant();
    }

    private static TimeLimit limit(int amount, LimitUnit unit) {
        return new TimeLimit(amount, unit);
    }

    @Test
    void urgentHoursCountThroughTheNight() {
        assertThat(calendar.deadline(at("2026-03-10T22:00"), limit(2, URGENT_HOURS))).isEqualTo(at("2026-03-11T00:00"));
    }

    @Test
    void urgentHoursCountThroughHolidays() {
        assertThat(calendar.deadline(at("2026-10-01T10:00"), limit(24, URGENT_HOURS))).isEqualTo(at("2026-10-02T10:00"));
    }

    @Test
    void minutesCountAroundTheClock() {
        assertThat(calendar.deadline(at("2026-02-16T23:50"), limit(30, MINUTES))).isEqualTo(at("2026-02-17T00:20"));
    }

    @Test
    void workingHoursStartingFridayEveningEndOnMonday() {
        // Monday: 09:00–12:00 gives 3 h, the fourth ends at 14:30.
        assertThat(calendar.deadline(at("2026-03-13T19:00"), limit(4, WORKING_HOURS))).isEqualTo(at("2026-03-16T14:30"));
    }

    @Test
    void workingHoursSkipTheLunchBreak() {
        assertThat(calendar.deadline(at("2026-03-11T11:00"), limit(2, WORKING_HOURS))).isEqualTo(at("2026-03-11T14:30"));
    }

    @Test
    void startDuringTheLunchBreakBeginsCountingInTheAfternoon() {
        assertThat(calendar.deadline(at("2026-03-11T12:30"), limit(1, WORKING_HOURS))).isEqualTo(at("2026-03-11T14:30"));
    }

    @Test
    void startBeforeOfficeHoursBeginsCountingAtNine() {
        assertThat(calendar.deadline(at("2026-03-11T07:15"), limit(1, WORKING_HOURS))).isEqualTo(at("2026-03-11T10:00"));
    }

    @Test
    void limitEndingAtCloseOfBusinessStaysThere() {
        assertThat(calendar.deadline(at("2026-03-11T13:30"), limit(4, WORKING_HOURS))).isEqualTo(at("2026-03-11T17:30"));
        assertThat(calendar.deadline(at("2026-03-11T09:00"), limit(3, WORKING_HOURS))).isEqualTo(at("2026-03-11T12:00"));
    }

    @Test
    void aWorkingDayIsSevenWorkingHours() {
        assertThat(calendar.standardWorkingDay()).isEqualTo(Duration.ofHours(7));
        assertThat(calendar.deadline(at("2026-03-11T15:00"), limit(1, WORKING_DAYS))).isEqualTo(at("2026-03-12T15:00"));
    }

    @Test
    void workingDaysSkipTheNationalDayHoliday() {
        // 30 Sep: 6 h left after 10:00; 1–7 Oct off; the seventh hour is 09:00–10:00 on Thursday 8 Oct.
        assertThat(calendar.deadline(at("2026-09-30T10:00"), limit(1, WORKING_DAYS))).isEqualTo(at("2026-10-08T10:00"));
    }

    @Test
    void makeUpWorkingSaturdayCounts() {
        assertThat(calendar.deadline(at("2026-10-09T16:30"), limit(2, WORKING_HOURS))).isEqualTo(at("2026-10-10T10:00"));
        assertThat(calendar.isWorkingTime(at("2026-09-20T10:00"))).as("make-up Sunday before National Day").isTrue();
    }

    @Test
    void twentyWorkingDaysAcrossTheSpringFestival() {
        // Working days after Mon 2 Feb: 3–6, 9–13, Sat 14 (make-up), 24–27, Sat 28 (make-up), 2–6 Mar: the 20th is 6 Mar.
        assertThat(calendar.deadline(at("2026-02-02T10:00"), limit(20, WORKING_DAYS))).isEqualTo(at("2026-03-06T10:00"));
    }

    @Test
    void eightyPercentOfFourWorkingHours() {
        // 3 h 12 min of working time: 09:00–12:00, then 12 minutes after lunch.
        Instant start = at("2026-03-11T09:00");

        assertThat(calendar.pointAt(start, limit(4, WORKING_HOURS), 0.8)).isEqualTo(at("2026-03-11T13:42"));
        assertThat(calendar.deadline(start, limit(4, WORKING_HOURS))).isEqualTo(at("2026-03-11T14:30"));
    }

    @Test
    void eightyPercentOfClockLimitsIsEightyPercentOfTheDuration() {
        assertThat(calendar.pointAt(at("2026-03-11T09:00"), limit(30, MINUTES), 0.8)).isEqualTo(at("2026-03-11T09:24"));
        assertThat(calendar.pointAt(at("2026-03-11T22:00"), limit(2, URGENT_HOURS), 0.8)).isEqualTo(at("2026-03-11T23:36"));
        assertThat(calendar.pointAt(at("2026-03-11T09:00"), limit(4, WORKING_HOURS), 0.7)).isEqualTo(at("2026-03-11T11:48"));
    }

    @Test
    void pointAtTheWholeLimitIsTheDeadline() {
        Instant start = at("2026-09-30T16:00");
        for (LimitUnit unit : LimitUnit.values()) {
            assertThat(calendar.pointAt(start, limit(3, unit), 1.0)).as(unit.name())
                    .isEqualTo(calendar.deadline(start, limit(3, unit)));
        }
    }

    @Test
    void naturalDaysKeepTheLocalTime() {
        assertThat(calendar.deadline(at("2026-09-30T15:20"), limit(3, NATURAL_DAYS))).isEqualTo(at("2026-10-03T15:20"));
        assertThat(calendar.pointAt(at("2026-09-30T15:20"), limit(3, NATURAL_DAYS), 0.5)).isEqualTo(at("2026-10-02T03:20"));
    }

    @Test
    void workingTimeIsInsideTheWorkingPeriodsOfWorkingDays() {
        assertThat(calendar.isWorkingTime(at("2026-03-11T09:00"))).isTrue();
        assertThat(calendar.isWorkingTime(at("2026-03-11T11:59:59"))).isTrue();
        assertThat(calendar.isWorkingTime(at("2026-03-11T12:00"))).as("end of the morning").isFalse();
        assertThat(calendar.isWorkingTime(at("2026-03-11T12:45"))).as("lunch").isFalse();
        assertThat(calendar.isWorkingTime(at("2026-03-14T10:00"))).as("Saturday").isFalse();
        assertThat(calendar.isWorkingTime(at("2026-10-01T10:00"))).as("National Day").isFalse();
        assertThat(calendar.isWorkingTime(at("2026-02-14T10:00"))).as("make-up Saturday").isTrue();
    }

    @Test
    void aZeroLimitIsDueAtOnce() {
        Instant lunch = at("2026-03-11T12:30");
        for (LimitUnit unit : LimitUnit.values()) {
            assertThat(calendar.deadline(lunch, limit(0, unit))).as(unit.name()).isEqualTo(lunch);
        }
    }

    @Test
    void negativeLimitIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> calendar.deadline(at("2026-03-11T09:00"), limit(-1, WORKING_HOURS)));
    }

    @Test
    void fractionOutsideZeroToOneIsRejected() {
        Instant start = at("2026-03-11T09:00");
        for (double fraction : new double[] {0, -0.2, 1.01, Double.NaN}) {
            assertThatIllegalArgumentException().as("fraction " + fraction)
                    .isThrownBy(() -> calendar.pointAt(start, limit(4, WORKING_HOURS), fraction));
        }
    }

    @Test
    void calendarWithoutWorkingPeriodsIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WorkCalendar(new WorkCalendarDefinition(
                CHENGDU, List.of(), Set.of(DayOfWeek.SUNDAY), Set.of(), Set.of())));
    }

    @Test
    void calendarWhoseEveryDayIsWeekendIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WorkCalendar(new WorkCalendarDefinition(
                CHENGDU, List.of(new WorkingPeriod(LocalTime.of(9, 0), LocalTime.of(17, 0))),
                Set.of(DayOfWeek.values()), Set.of(), Set.of(LocalDate.parse("2026-10-10")))));
    }

    @Test
    void overlappingPeriodsAndEmptyPeriodsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WorkCalendar(new WorkCalendarDefinition(CHENGDU,
                List.of(new WorkingPeriod(LocalTime.of(13, 0), LocalTime.of(17, 0)),
                        new WorkingPeriod(LocalTime.of(9, 0), LocalTime.of(13, 30))),
                Set.of(), Set.of(), Set.of())));
        assertThatIllegalArgumentException().isThrownBy(() -> new WorkingPeriod(LocalTime.NOON, LocalTime.NOON));
    }

    @Test
    void aDateCannotBeBothHolidayAndMakeUpWorkingDay() {
        LocalDate day = LocalDate.parse("2026-10-10");
        assertThatIllegalArgumentException().isThrownBy(() -> new WorkCalendar(new WorkCalendarDefinition(CHENGDU,
                List.of(new WorkingPeriod(LocalTime.of(9, 0), LocalTime.of(17, 0))),
                Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of(day), Set.of(day))));
    }

    @Test
    void limitsBeyondTheListedYearsFollowTheWeeklyPattern() {
        // 2030 has no holidays listed: 1000 working days of 5 a week are 200 weeks.
        assertThat(calendar.deadline(at("2030-01-07T10:00"), limit(1000, WORKING_DAYS)))
                .isEqualTo(at("2030-01-07T10:00").atZone(CHENGDU).plusWeeks(200).toInstant());
    }

    @Test
    void shippedCalendarFileLoads() {
        WorkCalendarDefinition definition = shippedDefinition();

        assertThat(definition.zone()).isEqualTo(CHENGDU);
        assertThat(definition.weekend()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(definition.holidays()).contains(LocalDate.parse("2026-02-17"), LocalDate.parse("2026-10-07"),
                LocalDate.parse("2027-02-06"));
        assertThat(definition.makeUpWorkingDays()).contains(LocalDate.parse("2026-02-14"), LocalDate.parse("2026-10-10"));
        assertThat(definition.makeUpWorkingDays()).allSatisfy(day ->
                assertThat(definition.weekend()).as("make-up day " + day + " is a weekend day").contains(day.getDayOfWeek()));
    }

    @Test
    void springExposesTheShippedCalendar() {
        new ApplicationContextRunner()
                .withBean(ObjectMapper.class)
                .withUserConfiguration(WorkCalendarConfiguration.class)
                .run(context -> assertThat(context.getBean(WorkCalendar.class)
                        .isWorkingTime(at("2026-10-01T10:00"))).isFalse());
    }
}
