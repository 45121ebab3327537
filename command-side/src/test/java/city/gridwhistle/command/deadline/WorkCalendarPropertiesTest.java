package city.gridwhistle.command.deadline;

import static city.gridwhistle.command.deadline.WorkCalendarTest.CHENGDU;
import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.api.shared.LimitUnit;
import city.gridwhistle.api.shared.TimeLimit;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Laws every deadline obeys, over starts across 2026–2027 (holidays, make-up days, lunch and night). */
class WorkCalendarPropertiesTest {

    private static final LocalDateTime FIRST = LocalDateTime.parse("2026-01-01T00:00");
    private static final LocalDateTime LAST = LocalDateTime.parse("2027-12-31T23:59:59");
    private static final LocalTime[] BOUNDARIES = {
        LocalTime.MIDNIGHT, LocalTime.of(8, 59), LocalTime.of(9, 0), LocalTime.of(11, 59), LocalTime.NOON,
        LocalTime.of(13, 30), LocalTime.of(17, 29), LocalTime.of(17, 30), LocalTime.of(23, 59)};

    private final WorkCalendarDefinition definition = WorkCalendarTest.shippedDefinition();
    private final WorkCalendar calendar = new WorkCalendar(definition);

    @Property
    void deadlineIsNeverBeforeTheStart(@ForAll("starts") Instant start, @ForAll LimitUnit unit,
                                       @ForAll @IntRange(max = 60) int amount) {
        assertThat(calendar.deadline(start, new TimeLimit(amount, unit))).isAfterOrEqualTo(start);
    }

    @Property
    void aLargerLimitIsNeverDueEarlier(@ForAll("starts") Instant start, @ForAll LimitUnit unit,
                                       @ForAll @IntRange(max = 60) int amount, @ForAll @IntRange(max = 30) int more) {
        Instant smaller = calendar.deadline(start, new TimeLimit(amount, unit));
        Instant larger = calendar.deadline(start, new TimeLimit(amount + more, unit));

        assertThat(larger).isAfterOrEqualTo(smaller);
    }

    @Property
    void workingDeadlineIsWorkingTimeOrTheEndOfAPeriod(@ForAll("starts") Instant start,
                                                      @ForAll("workingUnits") LimitUnit unit,
                                                      @ForAll @IntRange(min = 1, max = 60) int amount) {
        Instant due = calendar.deadline(start, new TimeLimit(amount, unit));

        assertThat(calendar.isWorkingTime(due) || calendar.isWorkingTime(due.minusNanos(1)))
                .as("%s is due at %s", new TimeLimit(amount, unit), due.atZone(CHENGDU)).isTrue();
    }

    @Property
    void workingDeadlineNeverLandsInAHoliday(@ForAll("starts") Instant start, @ForAll("workingUnits") LimitUnit unit,
                                             @ForAll @IntRange(min = 1, max = 60) int amount) {
        LocalDate dueDay = LocalDate.ofInstant(calendar.deadline(start, new TimeLimit(amount, unit)), CHENGDU);

        assertThat(definition.holidays()).doesNotContain(dueDay);
        assertThat(calendar.isWorkingDay(dueDay)).isTrue();
    }

    /** Holds from any start, not only from one in working time: counting resumes where the first limit ended. */
    @Property
    void workingHoursAddUp(@ForAll("starts") Instant start, @ForAll @IntRange(max = 40) int first,
                           @ForAll @IntRange(max = 40) int second) {
        Instant afterFirst = calendar.deadline(start, new TimeLimit(first, LimitUnit.WORKING_HOURS));

        assertThat(calendar.deadline(afterFirst, new TimeLimit(second, LimitUnit.WORKING_HOURS)))
                .isEqualTo(calendar.deadline(start, new TimeLimit(first + second, LimitUnit.WORKING_HOURS)));
    }

    @Property
    void clockUnitsAreExactDurations(@ForAll("starts") Instant start, @ForAll @IntRange(max = 10_000) int amount) {
        assertThat(Duration.between(start, calendar.deadline(start, new TimeLimit(amount, LimitUnit.MINUTES))))
                .isEqualTo(Duration.ofMinutes(amount));
        assertThat(Duration.between(start, calendar.deadline(start, new TimeLimit(amount, LimitUnit.URGENT_HOURS))))
                .isEqualTo(Duration.ofHours(amount));
    }

    @Property
    void laterFractionsAreNeverEarlierAndNeverPastTheDeadline(
            @ForAll("starts") Instant start, @ForAll LimitUnit unit, @ForAll @IntRange(min = 1, max = 40) int amount,
            @ForAll @DoubleRange(min = 0, minIncluded = false, max = 1) double a,
            @ForAll @DoubleRange(min = 0, minIncluded = false, max = 1) double b) {
        TimeLimit limit = new TimeLimit(amount, unit);
        Instant earlier = calendar.pointAt(start, limit, Math.min(a, b));
        Instant later = calendar.pointAt(start, limit, Math.max(a, b));

        assertThat(earlier).isAfterOrEqualTo(start).isBeforeOrEqualTo(later);
        assertThat(later).isBeforeOrEqualTo(calendar.deadline(start, limit));
    }

    @Property
    void theWholeFractionIsTheDeadline(@ForAll("starts") Instant start, @ForAll LimitUnit unit,
                                       @ForAll @IntRange(max = 60) int amount) {
        TimeLimit limit = new TimeLimit(amount, unit);

        assertThat(calendar.pointAt(start, limit, 1.0)).isEqualTo(calendar.deadline(start, limit));
    }

    /** Against a plain model that walks minute by minute and counts the working ones. */
    @Property(tries = 200)
    void workingHoursAgreeWithCountingMinutes(@ForAll("minuteStarts") Instant start,
                                              @ForAll @IntRange(max = 10) int hours) {
        Instant cursor = start;
        for (long minutesLeft = hours * 60L; minutesLeft > 0; cursor = cursor.plusSeconds(60)) {
            if (calendar.isWorkingTime(cursor)) {
                minutesLeft--;
            }
        }

        assertThat(calendar.deadline(start, new TimeLimit(hours, LimitUnit.WORKING_HOURS))).isEqualTo(cursor);
    }

    @Provide
    Arbitrary<LimitUnit> workingUnits() {
        return Arbitraries.of(LimitUnit.WORKING_HOURS, LimitUnit.WORKING_DAYS);
    }

    /** Any second of 2026–2027, often on or next to the edge of a working period. */
    @Provide
    Arbitrary<Instant> starts() {
        Arbitrary<Instant> anySecond = Arbitraries.longs()
                .between(epochSecond(FIRST), epochSecond(LAST)).map(Instant::ofEpochSecond);
        return Arbitraries.frequencyOf(
                Tuple.of(3, anySecond),
                Tuple.of(2, minuteStarts()),
                Tuple.of(2, boundaries()));
    }

    @Provide
    Arbitrary<Instant> minuteStarts() {
        return Arbitraries.longs().between(epochSecond(FIRST) / 60, epochSecond(LAST) / 60)
                .map(minute -> Instant.ofEpochSecond(minute * 60));
    }

    private Arbitrary<Instant> boundaries() {
        Arbitrary<LocalDate> days = Arbitraries.integers().between(0, 729).map(n -> FIRST.toLocalDate().plusDays(n));
        return Combinators.combine(days, Arbitraries.of(BOUNDARIES))
                .as((day, time) -> day.atTime(time).atZone(CHENGDU).toInstant());
    }

    private static long epochSecond(LocalDateTime local) {
        return local.atZone(CHENGDU).toEpochSecond();
    }
}
