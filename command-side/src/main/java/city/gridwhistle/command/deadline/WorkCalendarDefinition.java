package city.gridwhistle.command.deadline;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a {@link WorkCalendar} is made of: the zone, the daily working periods, the weekly rest days, the public
 * holidays and the make-up working days (调休上班, rest days that are worked instead). Read from a JSON file such as
 * {@code gridwhistle/work-calendar.json} with {@link #read}.
 */
public record WorkCalendarDefinition(
        ZoneId zone,
        List<WorkingPeriod> workingPeriods,
        Set<DayOfWeek> weekend,
        Set<LocalDate> holidays,
        Set<LocalDate> makeUpWorkingDays) {

    public WorkCalendarDefinition {
        requireNonNull(zone, "zone");
        workingPeriods = List.copyOf(requireNonNull(workingPeriods, "workingPeriods"));
        weekend = Set.copyOf(requireNonNull(weekend, "weekend"));
        holidays = Set.copyOf(requireNonNull(holidays, "holidays"));
        makeUpWorkingDays = Set.copyOf(requireNonNull(makeUpWorkingDays, "makeUpWorkingDays"));
    }

    /** A stretch of working time within a day, from {@code start} (included) to {@code end} (excluded). */
    public record WorkingPeriod(LocalTime start, LocalTime end) {

        public WorkingPeriod {
            requireNonNull(start, "start");
            requireNonNull(end, "end");
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("a working period must end after it starts: " + start + "–" + end);
            }
        }

        public Duration length() {
            return Duration.between(start, end);
        }
    }

    /**
     * Reads the calendar file. Dates and times are plain strings ({@code 2026-10-01}, {@code 09:00}), so any
     * {@link ObjectMapper} will do, with or without java.time support.
     */
    public static WorkCalendarDefinition read(InputStream json, ObjectMapper mapper) throws IOException {
        return mapper.readValue(json, CalendarFile.class).toDefinition();
    }

    /** The JSON file as written: holidays grouped by year and festival, each festival a range of dates. */
    record CalendarFile(String note, String zone, List<PeriodEntry> workingPeriods, List<DayOfWeek> weekend,
                        List<YearEntry> years) {

        WorkCalendarDefinition toDefinition() {
            Set<LocalDate> holidays = new HashSet<>();
            Set<LocalDate> makeUpWorkingDays = new HashSet<>();
            for (YearEntry year : nonNull(years, "years")) {
                for (FestivalEntry festival : nonNull(year.holidays(), "holidays of " + year.year())) {
                    LocalDate first = LocalDate.parse(festival.first());
                    LocalDate last = LocalDate.parse(festival.last());
                    if (last.isBefore(first)) {
                        throw new IllegalArgumentException(festival.name() + " ends before it starts");
                    }
                    first.datesUntil(last.plusDays(1)).forEach(holidays::add);
                    festival.makeUpWorkingDays().stream().map(LocalDate::parse).forEach(makeUpWorkingDays::add);
                }
            }
            List<WorkingPeriod> periods = nonNull(workingPeriods, "workingPeriods").stream()
                    .map(p -> new WorkingPeriod(LocalTime.parse(p.start()), LocalTime.parse(p.end())))
                    .toList();
            return new WorkCalendarDefinition(ZoneId.of(requireNonNull(zone, "zone")), periods,
                    Set.copyOf(nonNull(weekend, "weekend")), holidays, makeUpWorkingDays);
        }

        private static <T> List<T> nonNull(List<T> list, String what) {
            return requireNonNull(list, what + " missing from the work calendar");
        }
    }

    record PeriodEntry(String start, String end) {
    }

    record YearEntry(int year, boolean provisional, String source, List<FestivalEntry> holidays) {
    }

    record FestivalEntry(String name, String first, String last, List<String> makeUpWorkingDays) {

        FestivalEntry {
            makeUpWorkingDays = makeUpWorkingDays == null ? List.of() : makeUpWorkingDays;
        }
    }
}
