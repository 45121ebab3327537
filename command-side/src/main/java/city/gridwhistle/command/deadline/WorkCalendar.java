package city.gridwhistle.command.deadline;

import static java.util.Objects.requireNonNull;

import city.gridwhistle.api.shared.LimitUnit;
import city.gridwhistle.api.shared.TimeLimit;
import city.gridwhistle.command.deadline.WorkCalendarDefinition.WorkingPeriod;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns a category's {@link TimeLimit} into the instant it falls due, over working periods, weekends, public
 * holidays and make-up working days (调休上班).
 *
 * <ul>
 *   <li>{@code MINUTES} and {@code URGENT_HOURS} run around the clock, holidays included.</li>
 *   <li>{@code NATURAL_DAYS} adds calendar days in the calendar's zone and keeps the local time of day.</li>
 *   <li>{@code WORKING_HOURS} consume working time only. A start outside working time begins counting when the next
 *       working period starts; a limit used up exactly at the end of a period is due then, not the next morning.</li>
 *   <li>{@code WORKING_DAYS}: one working day is the working time of a standard day (the sum of the daily working
 *       periods, 7 hours for 09:00–12:00 and 13:30–17:30), counted like working hours. A case registered at 15:00
 *       with one working day is due at 15:00 on the next working day, whatever time of day it arrives, and its 80 %
 *       warning is 80 % of its working time. "Until close of business on the n-th day" would instead give a case
 *       that arrives at 17:00 half an hour for "one day". See {@code docs/decisions/0005-work-calendar.md}.</li>
 * </ul>
 *
 * Working time beyond the last listed holiday is counted over the weekly pattern alone, so the calendar file must be
 * extended each year when the State Council publishes the next year's arrangement.
 */
public final class WorkCalendar {

    private final ZoneId zone;
    private final List<WorkingPeriod> periods;
    private final Set<DayOfWeek> weekend;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkingDays;
    private final Duration standardWorkingDay;
    private final Duration workingWeek;
    /** After this date every week has the same working time, so long limits can skip whole weeks at once. */
    private final LocalDate lastExceptionalDay;

    public WorkCalendar(WorkCalendarDefinition definition) {
        requireNonNull(definition, "definition");
        this.zone = definition.zone();
        this.periods = definition.workingPeriods().stream().sorted(Comparator.comparing(WorkingPeriod::start)).toList();
        this.weekend = Set.copyOf(definition.weekend());
        this.holidays = Set.copyOf(definition.holidays());
        this.makeUpWorkingDays = Set.copyOf(definition.makeUpWorkingDays());
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("a work calendar needs at least one working period a day");
        }
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).start().isBefore(periods.get(i - 1).end())) {
                throw new IllegalArgumentException("working periods overlap: " + periods.get(i - 1) + " and " + periods.get(i));
            }
        }
        if (weekend.size() == DayOfWeek.values().length) {
            throw new IllegalArgumentException("a work calendar whose every day is weekend has no working time");
        }
        Set<LocalDate> both = new HashSet<>(holidays);
        both.retainAll(makeUpWorkingDays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("dates both holiday and make-up working day: " + both);
        }
        this.standardWorkingDay = periods.stream().map(WorkingPeriod::length).reduce(Duration.ZERO, Duration::plus);
        this.workingWeek = standardWorkingDay.multipliedBy(DayOfWeek.values().length - weekend.size());
        this.lastExceptionalDay = Stream.concat(holidays.stream(), makeUpWorkingDays.stream())
                .max(Comparator.naturalOrder()).orElse(LocalDate.MIN);
    }

    /** Reads a calendar file such as {@code gridwhistle/work-calendar.json}. */
    public static WorkCalendar load(InputStream json, ObjectMapper mapper) throws IOException {
        return new WorkCalendar(WorkCalendarDefinition.read(json, mapper));
    }

    public ZoneId zone() {
        return zone;
    }

    /** The working time of one working day, which is what a {@code WORKING_DAYS} limit counts in. */
    public Duration standardWorkingDay() {
        return standardWorkingDay;
    }

    public boolean isWorkingDay(LocalDate date) {
        return makeUpWorkingDays.contains(date) || !(weekend.contains(date.getDayOfWeek()) || holidays.contains(date));
    }

    /** Whether the instant lies inside a working period of a working day; the end of a period is outside. */
    public boolean isWorkingTime(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, zone);
        if (!isWorkingDay(day)) {
            return false;
        }
        for (WorkingPeriod period : periods) {
            if (!instant.isBefore(at(day, period.start())) && instant.isBefore(at(day, period.end()))) {
                return true;
            }
        }
        return false;
    }

    /** When a step that starts at {@code start} with this limit falls due. */
    public Instant deadline(Instant start, TimeLimit limit) {
        checkInputs(start, limit);
        return switch (limit.unit()) {
            case SECONDS, MINUTES, URGENT_HOURS -> start.plus(clockDuration(limit));
            case NATURAL_DAYS -> start.atZone(zone).plusDays(limit.amount()).toInstant();
            case WORKING_HOURS, WORKING_DAYS -> afterWorkingTime(start, workingDuration(limit));
        };
    }

    /**
     * The instant at which {@code fraction} of the limit has elapsed, counted in the limit's own unit: that share of
     * the clock time for minutes and urgent hours, of the working time for working units, of the calendar span for
     * natural days. {@code pointAt(start, limit, 0.8)} is when the 80 % warning fires; {@code 1.0} is the deadline.
     */
    public Instant pointAt(Instant start, TimeLimit limit, double fraction) {
        checkInputs(start, limit);
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be above 0 and at most 1, was " + fraction);
        }
        if (fraction == 1) {
            return deadline(start, limit);
        }
        return switch (limit.unit()) {
            case SECONDS, MINUTES, URGENT_HOURS -> start.plus(share(clockDuration(limit), fraction));
            case NATURAL_DAYS -> start.plus(share(Duration.between(start, deadline(start, limit)), fraction));
            case WORKING_HOURS, WORKING_DAYS -> afterWorkingTime(start, share(workingDuration(limit), fraction));
        };
    }

    private static void checkInputs(Instant start, TimeLimit limit) {
        requireNonNull(start, "start");
        requireNonNull(limit, "limit");
        requireNonNull(limit.unit(), "limit unit");
        if (limit.amount() < 0) {
            throw new IllegalArgumentException("a time limit cannot be negative: " + limit);
        }
    }

    private static Duration clockDuration(TimeLimit limit) {
        return switch (limit.unit()) {
            case SECONDS -> Duration.ofSeconds(limit.amount());
            case MINUTES -> Duration.ofMinutes(limit.amount());
            default -> Duration.ofHours(limit.amount());
        };
    }

    private Duration workingDuration(TimeLimit limit) {
        return limit.unit() == LimitUnit.WORKING_HOURS
                ? Duration.ofHours(limit.amount())
                : standardWorkingDay.multipliedBy(limit.amount());
    }

    /** The instant at which {@code amount} of working time has passed since {@code start}. */
    private Instant afterWorkingTime(Instant start, Duration amount) {
        if (amount.isZero()) {
            return start;
        }
        Duration remaining = amount;
        LocalDate day = LocalDate.ofInstant(start, zone);
        while (true) {
            if (isWorkingDay(day)) {
                for (WorkingPeriod period : periods) {
                    Instant from = latest(at(day, period.start()), start);
                    Instant to = at(day, period.end());
                    if (from.isBefore(to)) {
                        Duration available = Duration.between(from, to);
                        if (remaining.compareTo(available) <= 0) {
                            return from.plus(remaining);
                        }
                        remaining = remaining.minus(available);
                    }
                }
            }
            day = day.plusDays(1);
            if (day.isAfter(lastExceptionalDay) && noClockChangesFrom(day)) {
                // Whole weeks, leaving a remainder so the last one is walked period by period.
                long weeks = remaining.minusNanos(1).dividedBy(workingWeek);
                day = day.plusWeeks(weeks);
                remaining = remaining.minus(workingWeek.multipliedBy(weeks));
            }
        }
    }

    private boolean noClockChangesFrom(LocalDate day) {
        return zone.getRules().nextTransition(day.atStartOfDay(zone).toInstant()) == null;
    }

    private Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** {@code fraction} of a duration, to the nanosecond below; decimal so that 0.7 of 4 h is exactly 2 h 48 min. */
    private static Duration share(Duration total, double fraction) {
        BigDecimal seconds = BigDecimal.valueOf(total.getSeconds()).add(BigDecimal.valueOf(total.getNano(), 9));
        BigInteger nanos = seconds.multiply(BigDecimal.valueOf(fraction)).setScale(9, RoundingMode.FLOOR).unscaledValue();
        BigInteger[] secondsAndNanos = nanos.divideAndRemainder(BigInteger.valueOf(1_000_000_000));
        return Duration.ofSeconds(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact());
    }
}
