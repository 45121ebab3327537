package city.gridwhistle.query.dashboard;

import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.dashboard.FindHeatmapQuery;
import city.gridwhistle.api.dashboard.FindPerformanceQuery;
import city.gridwhistle.api.dashboard.FindTrendQuery;
import city.gridwhistle.api.dashboard.Grouping;
import city.gridwhistle.api.dashboard.Heatmap;
import city.gridwhistle.api.dashboard.Performance;
import city.gridwhistle.api.dashboard.Trend;
import city.gridwhistle.api.dashboard.TrendInterval;
import city.gridwhistle.api.dashboard.UnitPerformance;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.query.access.CaseAccess;
import city.gridwhistle.query.search.CaseFigures;
import city.gridwhistle.query.search.CaseFigures.Counter;
import city.gridwhistle.query.search.CaseIndex;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Answers the dashboard queries. The figures and their definitions are those of docs/metrics.md. For supervisors
 * and administrators, whose cases are whole districts, the whole days of a period are summed from the daily and
 * monthly figures ({@link CaseFigures}, decisions 0033 and 0037), and so are the cases open and overdue from before
 * the day the period ends on; only the parts of days at the period's ends, and the cases that fell overdue on its
 * last day, are aggregated from the index. Anyone else's figures come from the index alone. Both give the same
 * numbers (PerformanceQueriesIntegrationTest). When PostgreSQL cannot be read,
 * the figures come from the index alone too, and for a while after without trying it again, so that dashboards keep
 * answering through a database outage as search does.
 */
@Component
public class PerformanceQueries {

    private static final int MAX_UNITS = 10_000;
    private static final List<FieldValue> FINAL = CaseStatus.FINAL.stream().map(s -> FieldValue.of(s.name())).toList();
    /** Where a unit's figures hold the cases open and overdue. */
    private static final int OPEN_OVERDUE = Counter.OPEN_OVERDUE.ordinal();
    private static final int SLOTS = Counter.COUNT;
    /** How long the stored figures are left alone after PostgreSQL failed to answer. */
    private static final Duration FIGURES_BACK_OFF = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(PerformanceQueries.class);

    private final ElasticsearchClient client;
    private final CaseIndex index;
    private final CaseAccess access;
    private final CaseFigures stored;
    private volatile Instant dailyFailedAt = Instant.MIN;

    public PerformanceQueries(ElasticsearchClient client, CaseIndex index, CaseAccess access, CaseFigures stored) {
        this.client = client;
        this.index = index;
        this.access = access;
        this.stored = stored;
    }

    @QueryHandler
    public Performance handle(FindPerformanceQuery query) {
        return fromDailyFiguresOrIndex(summing -> performance(query, summing));
    }

    /** The figures, summing the stored ones where the viewer allows, or from the index alone. */
    Performance performance(FindPerformanceQuery query, boolean summingRows) {
        index.ensureReady();
        Period period = new Period(query.from(), query.to());
        Optional<Scope> scope = summingRows ? scopeOf(query.viewer()) : Optional.empty();
        if (scope.isEmpty()) {
            Counts counts = fromIndex(query.viewer(), query.groupBy(), List.of(period.whole()),
                    openOverdue(query.to()), true);
            return performance(query, counts.names(), counts.perUnit(), counts.total());
        }
        String district = scope.get().district();
        String grouping = query.groupBy().name();
        LocalDate lastDay = query.to().atZone(CaseFigures.CITY).toLocalDate();
        List<Range> partDays = period.hasWholeDays() ? period.edges() : List.of(period.whole());
        // whole days, as the dashboard page asks: the period ends at a midnight, so the rows hold every figure and
        // every case open and overdue by then, and the index has nothing to add
        Counts edges = partDays.isEmpty() ? new Counts(Map.of(), new long[SLOTS], Map.of())
                : fromIndex(query.viewer(), query.groupBy(), partDays,
                        openOverdueSince(Period.startOf(lastDay), query.to()), false);
        Map<String, long[]> perUnit = new HashMap<>(edges.perUnit());
        long[] total = edges.total();
        if (period.hasWholeDays()) {
            stored.sums(grouping, period.firstWholeDay(), period.lastWholeDay(), district)
                    .forEach((code, sums) -> perUnit.merge(code, sums, PerformanceQueries::plus));
            total = plus(total, stored.sums(CaseFigures.ALL, period.firstWholeDay(), period.lastWholeDay(), district)
                    .getOrDefault("", new long[SLOTS]));
        }
        stored.openOverdue(grouping, lastDay, district)
                .forEach((code, cases) -> perUnit.computeIfAbsent(code, c -> new long[SLOTS])[OPEN_OVERDUE] += cases);
        total[OPEN_OVERDUE] += stored.openOverdue(CaseFigures.ALL, lastDay, district).getOrDefault("", 0L);
        return performance(query, stored.units(grouping, district), perUnit, total);
    }

    /**
     * The figures of a grouping's units over some ranges of time, and the open overdue cases that {@code overdue}
     * matches, aggregated from the index. Each figure is one filter aggregation over the viewer's cases with the units
     * inside it, so a case is read only by the figures it counts in, and the filter's own count is the total. The
     * units and their names come from one more terms aggregation over all the viewer's cases, when asked for, so a
     * unit with nothing to count still shows. (Filters inside a terms aggregation, the other way round, test every
     * case against every figure in every unit: about half again as slow at a million cases.)
     */
    private Counts fromIndex(Actor viewer, Grouping groupBy, List<Range> ranges, Query overdue, boolean withUnits) {
        String codeField = codeField(groupBy);
        List<Figure> figures = figures(ranges, overdue);
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        figures.forEach(figure -> aggregations.put(figure.name(), Aggregation.of(a -> a
                .filter(figure.filter())
                .aggregations(figure.metrics())
                .aggregations("units", u -> u.terms(t -> t.field(codeField).size(MAX_UNITS))
                        .aggregations(figure.metrics())))));
        if (withUnits) {
            aggregations.put("units", Aggregation.of(a -> a
                    .terms(t -> t.field(codeField).size(MAX_UNITS))
                    .aggregations("name", n -> n.terms(t -> t.field(nameField(groupBy)).size(1)))));
        }
        try {
            SearchResponse<Void> response = client.search(s -> s
                    .index(CaseIndex.ALIAS)
                    .size(0)
                    .query(q -> q.bool(b -> b.filter(access.filterFor(viewer))))
                    .aggregations(aggregations), Void.class);
            Map<String, Aggregate> found = response.aggregations();
            Map<String, long[]> perUnit = new HashMap<>();
            long[] total = new long[SLOTS];
            for (Figure figure : figures) {
                var filter = found.get(figure.name()).filter();
                figure.count(filter.docCount(), filter.aggregations(), total);
                for (StringTermsBucket bucket : filter.aggregations().get("units").sterms().buckets().array()) {
                    figure.count(bucket.docCount(), bucket.aggregations(),
                            perUnit.computeIfAbsent(bucket.key().stringValue(), code -> new long[SLOTS]));
                }
            }
            Map<String, String> names = new LinkedHashMap<>();
            if (withUnits) {
                for (StringTermsBucket bucket : found.get("units").sterms().buckets().array()) {
                    String code = bucket.key().stringValue();
                    var name = bucket.aggregations().get("name").sterms().buckets().array();
                    names.put(code, name.isEmpty() ? code : name.getFirst().key().stringValue());
                }
            }
            return new Counts(perUnit, total, names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A grouping's units by code with their figures (counters, then the open overdue), the total, and the names. */
    private record Counts(Map<String, long[]> perUnit, long[] total, Map<String, String> names) {
    }

    private static Performance performance(FindPerformanceQuery query, Map<String, String> names,
                                           Map<String, long[]> perUnit, long[] total) {
        List<UnitPerformance> units = new ArrayList<>();
        names.forEach((code, name) -> units.add(unit(code, name, perUnit.getOrDefault(code, new long[SLOTS]))));
        return new Performance(query.from(), query.to(), query.groupBy(), rank(units), unit("", "", total));
    }

    @QueryHandler
    public Trend handle(FindTrendQuery query) {
        return fromDailyFiguresOrIndex(summing -> trend(query, summing));
    }

    /**
     * Answers summing the stored figures unless PostgreSQL failed lately; if it fails now, answers again from the
     * index alone.
     */
    private <T> T fromDailyFiguresOrIndex(Function<Boolean, T> answer) {
        if (Instant.now().isBefore(dailyFailedAt.plus(FIGURES_BACK_OFF))) {
            return answer.apply(false);
        }
        try {
            return answer.apply(true);
        } catch (DataAccessException e) {
            dailyFailedAt = Instant.now();
            log.warn("The stored figures cannot be read; dashboards aggregate the index alone for {} ({})",
                    FIGURES_BACK_OFF, e.getMostSpecificCause().getMessage());
            return answer.apply(false);
        }
    }

    /** The trend, summing the daily figures where the viewer and the period allow, or from the index alone. */
    Trend trend(FindTrendQuery query, boolean summingDays) {
        index.ensureReady();
        CalendarInterval interval = switch (query.interval()) {
            case DAY -> CalendarInterval.Day;
            case WEEK -> CalendarInterval.Week;
            case MONTH -> CalendarInterval.Month;
        };
        Period period = new Period(query.from(), query.to());
        Optional<Scope> scope = summingDays ? scopeOf(query.viewer()) : Optional.empty();
        boolean rolledUp = scope.isPresent() && period.hasWholeDays();
        List<Range> ranges = rolledUp ? period.edges() : List.of(period.whole());
        Map<LocalDate, long[]> points = new TreeMap<>();
        if (!ranges.isEmpty()) {
            trendFromIndex(query.viewer(), ranges, interval, points);
        }
        if (rolledUp) {
            String district = scope.get().district();
            stored.perDay(period.firstWholeDay(), period.lastWholeDay(), district).forEach((day, sums) -> {
                long[] point = {sums[Counter.REPORTED.ordinal()], sums[Counter.REGISTERED.ordinal()],
                        sums[Counter.CLOSED.ordinal()]};
                if (point[0] + point[1] + point[2] > 0) {
                    points.merge(bucketOf(day, query.interval()), point, PerformanceQueries::plus);
                }
            });
        }
        return new Trend(query.interval(), points.entrySet().stream()
                .map(e -> new Trend.Point(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList());
    }

    /** Adds the reported, registered and closed counts per interval over some ranges of time, from the index. */
    private void trendFromIndex(Actor viewer, List<Range> ranges, CalendarInterval interval,
                                Map<LocalDate, long[]> points) {
        try {
            SearchResponse<Void> response = client.search(s -> s
                    .index(CaseIndex.ALIAS)
                    .size(0)
                    .query(q -> q.bool(b -> b.filter(access.filterFor(viewer))))
                    .aggregations("reported", histogram("reportedAt", ranges, interval))
                    .aggregations("registered", histogram("registeredAt", ranges, interval))
                    .aggregations("closed", histogram("closedAt", ranges, interval)), Void.class);
            String[] series = {"reported", "registered", "closed"};
            for (int i = 0; i < series.length; i++) {
                for (DateHistogramBucket bucket : response.aggregations().get(series[i]).filter().aggregations()
                        .get("per").dateHistogram().buckets().array()) {
                    LocalDate day = Instant.ofEpochMilli(bucket.key()).atZone(CaseFigures.CITY).toLocalDate();
                    // 上报数 counts reports, corroborating ones included, as the performance figure does
                    long value = bucket.aggregations().containsKey("reports")
                            ? Math.round(bucket.aggregations().get("reports").sum().value()) : bucket.docCount();
                    points.computeIfAbsent(day, d -> new long[3])[i] += value;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first day of the trend's interval that holds the day: weeks start on Monday, as the index's do. */
    static LocalDate bucketOf(LocalDate day, TrendInterval interval) {
        return switch (interval) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    @QueryHandler
    public Heatmap handle(FindHeatmapQuery query) {
        index.ensureReady();
        int zoom = Math.clamp(query.zoom(), 1, 20);
        try {
            SearchResponse<Void> response = client.search(s -> s
                    .index(CaseIndex.ALIAS)
                    .size(0)
                    .query(q -> q.bool(b -> b.filter(access.filterFor(query.viewer()))
                            .filter(inPeriod("reportedAt", query.from(), query.to()))))
                    .aggregations("tiles", a -> a
                            .geotileGrid(g -> g.field("location").precision(zoom).size(10_000))
                            .aggregations("centre", c -> c.geoCentroid(g -> g.field("location")))), Void.class);
            List<Heatmap.Tile> tiles = response.aggregations().get("tiles").geotileGrid().buckets().array().stream()
                    .map(bucket -> {
                        var centre = bucket.aggregations().get("centre").geoCentroid().location().latlon();
                        return new Heatmap.Tile(bucket.key(), bucket.docCount(), centre.lat(), centre.lon());
                    })
                    .toList();
            return new Heatmap(zoom, tiles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A figure of docs/metrics.md: the cases it counts, the metrics it computes over them, and where it adds what it
     * found to a unit's figures.
     */
    private record Figure(String name, Query filter, Map<String, Aggregation> metrics, Counter counter) {

        void count(long cases, Map<String, Aggregate> found, long[] figures) {
            if (counter == null) {
                figures[OPEN_OVERDUE] += cases;
            } else if (counter == Counter.REPORTED) {
                figures[Counter.REPORTED.ordinal()] += Math.round(found.get("reports").sum().value());
            } else {
                figures[counter.ordinal()] += cases;
            }
            if (counter == Counter.HANDLED) {
                figures[Counter.HANDLING_MINUTES.ordinal()] += Math.round(found.get("minutes").sum().value());
                figures[Counter.HANDLING_TIMED.ordinal()] += Math.round(found.get("timed").valueCount().value());
            }
        }
    }

    /** The figures of docs/metrics.md over some ranges of time (none: only the cases open and overdue). */
    private static List<Figure> figures(List<Range> ranges, Query overdue) {
        List<Figure> figures = new ArrayList<>();
        if (!ranges.isEmpty()) {
            Query reported = inRanges("reportedAt", ranges);
            Query registered = inRanges("registeredAt", ranges);
            Query dispatched = inRanges("dispatchedAt", ranges);
            Query resolved = inRanges("resolvedAt", ranges);
            Query closed = inRanges("closedAt", ranges);
            figures.add(new Figure("reported", reported,
                    Map.of("reports", Aggregation.of(r -> r.sum(m -> m.field("reportCount")))), Counter.REPORTED));
            figures.add(counting(Counter.REGISTERED, registered));
            figures.add(counting(Counter.REGISTERED_ON_TIME, registered, isTrue("dispatchedOnTime")));
            figures.add(counting(Counter.DISPATCHED, dispatched));
            figures.add(counting(Counter.DISPATCHED_ACCURATELY, dispatched,
                    Query.of(q -> q.term(t -> t.field("transferCount").value(0)))));
            figures.add(new Figure("handled", resolved, Map.of(
                    "minutes", Aggregation.of(m -> m.sum(v -> v.field("handlingMinutes"))),
                    "timed", Aggregation.of(m -> m.valueCount(v -> v.field("handlingMinutes")))), Counter.HANDLED));
            figures.add(counting(Counter.HANDLED_ON_TIME, resolved, isTrue("handledOnTime")));
            figures.add(counting(Counter.REWORKED, resolved, isTrue("reworked")));
            figures.add(counting(Counter.CLOSED, closed));
            figures.add(counting(Counter.CLOSED_ON_TIME, closed, isTrue("closedOnTime")));
        }
        figures.add(new Figure("openOverdue", overdue, Map.of(), null));
        return figures;
    }

    private static Figure counting(Counter counter, Query... all) {
        return new Figure(counter.name(), all.length == 1 ? all[0] : Query.of(q -> q.bool(b -> b.filter(List.of(all)))),
                Map.of(), counter);
    }

    /** Open now, and overdue by {@code to}. */
    static Query openOverdue(Instant to) {
        return Query.of(q -> q.bool(b -> b
                .mustNot(m -> m.terms(t -> t.field("status").terms(v -> v.value(FINAL))))
                .filter(overdueBy(to))));
    }

    /**
     * Open now, and overdue by {@code to} but not yet by {@code since}: those the stored figures do not count. Not
     * overdue by {@code since} is said positively (registered since then, or, with no step overdue, due since then),
     * so that the search walks the few cases of those two ranges rather than every overdue one.
     */
    static Query openOverdueSince(Instant since, Instant to) {
        Query registeredSince = inPeriod("registeredAt", since, to);
        Query dueSince = Query.of(q -> q.bool(b -> b.filter(inPeriod("stepDueAt", since, to))
                .mustNot(m -> m.exists(e -> e.field("overdueSteps")))));
        return Query.of(q -> q.bool(b -> b.filter(openOverdue(to))
                .filter(f -> f.bool(o -> o.should(registeredSince, dueSince).minimumShouldMatch("1")))));
    }

    /**
     * Registered before {@code at}, and overdue by then: a step went overdue, or the running one was due before it
     * (as {@code CaseFigures.Contribution.overdueFrom} has it).
     */
    private static Query overdueBy(Instant at) {
        return Query.of(q -> q.bool(b -> b
                .filter(f -> f.range(r -> r.date(d -> d.field("registeredAt").lt(at.toString()))))
                .filter(f -> f.bool(o -> o
                        .should(s -> s.exists(e -> e.field("overdueSteps")))
                        .should(s -> s.range(r -> r.date(d -> d.field("stepDueAt").lt(at.toString()))))
                        .minimumShouldMatch("1")))));
    }

    /**
     * The stored figures a viewer may read, when their cases are whole districts: a district supervisor's district,
     * or every district (a null district) for other supervisors and administrators.
     */
    private static Optional<Scope> scopeOf(Actor viewer) {
        if (viewer == null) {
            return Optional.empty();
        }
        return switch (viewer.role()) {
            case SUPERVISOR -> Optional.of(new Scope(viewer.unit()));
            case ADMIN, SYSTEM -> Optional.of(new Scope(null));
            default -> Optional.empty();
        };
    }

    private record Scope(String district) {
    }

    /** A range of time [from, to). */
    record Range(Instant from, Instant to) {
    }

    /** A period [from, to) cut at the city's midnights: the whole days inside it and the parts of days at its ends. */
    record Period(Instant from, Instant to) {

        Range whole() {
            return new Range(from, to);
        }

        LocalDate firstWholeDay() {
            LocalDate day = from.atZone(CaseFigures.CITY).toLocalDate();
            return startOf(day).equals(from) ? day : day.plusDays(1);
        }

        LocalDate lastWholeDay() {
            return to.atZone(CaseFigures.CITY).toLocalDate().minusDays(1);
        }

        boolean hasWholeDays() {
            return !firstWholeDay().isAfter(lastWholeDay());
        }

        /** The parts of days before the first whole day and after the last, where there are any. */
        List<Range> edges() {
            List<Range> edges = new ArrayList<>();
            Instant firstMidnight = startOf(firstWholeDay());
            Instant lastMidnight = startOf(lastWholeDay().plusDays(1));
            if (from.isBefore(firstMidnight)) {
                edges.add(new Range(from, firstMidnight));
            }
            if (lastMidnight.isBefore(to)) {
                edges.add(new Range(lastMidnight, to));
            }
            return edges;
        }

        static Instant startOf(LocalDate day) {
            return day.atStartOfDay(CaseFigures.CITY).toInstant();
        }
    }

    private static long[] plus(long[] a, long[] b) {
        long[] sum = new long[Math.max(a.length, b.length)];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = (i < a.length ? a[i] : 0) + (i < b.length ? b[i] : 0);
        }
        return sum;
    }

    private static UnitPerformance unit(String code, String name, long[] figures) {
        long reported = figures[Counter.REPORTED.ordinal()];
        long registered = figures[Counter.REGISTERED.ordinal()];
        long registeredOnTime = figures[Counter.REGISTERED_ON_TIME.ordinal()];
        long dispatched = figures[Counter.DISPATCHED.ordinal()];
        long dispatchedAccurately = figures[Counter.DISPATCHED_ACCURATELY.ordinal()];
        long handled = figures[Counter.HANDLED.ordinal()];
        long timed = figures[Counter.HANDLING_TIMED.ordinal()];
        long handledOnTime = figures[Counter.HANDLED_ON_TIME.ordinal()];
        long reworked = figures[Counter.REWORKED.ordinal()];
        long closed = figures[Counter.CLOSED.ordinal()];
        long closedOnTime = figures[Counter.CLOSED_ON_TIME.ordinal()];
        long dueToClose = closed + figures[OPEN_OVERDUE];
        return new UnitPerformance(code, name, 0, reported, registered, registeredOnTime, rate(registeredOnTime, registered),
                dispatched, dispatchedAccurately, rate(dispatchedAccurately, dispatched), handled, handledOnTime,
                rate(handledOnTime, handled), reworked, rate(reworked, handled),
                handled == 0 || timed == 0 ? null : figures[Counter.HANDLING_MINUTES.ordinal()] / (double) timed / 60.0,
                closed, closedOnTime, dueToClose, rate(closed, dueToClose), rate(closedOnTime, dueToClose));
    }

    /** Best first: on-time closing rate (units without one last), closing rate, closings, then the unit code. */
    static List<UnitPerformance> rank(List<UnitPerformance> units) {
        Comparator<Double> highFirst = Comparator.nullsLast(Comparator.reverseOrder());
        List<UnitPerformance> sorted = units.stream()
                .sorted(Comparator.comparing(UnitPerformance::onTimeClosingRate, highFirst)
                        .thenComparing(UnitPerformance::closingRate, highFirst)
                        .thenComparing(UnitPerformance::closed, Comparator.reverseOrder())
                        .thenComparing(UnitPerformance::unitCode))
                .toList();
        List<UnitPerformance> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            UnitPerformance u = sorted.get(i);
            ranked.add(new UnitPerformance(u.unitCode(), u.unitName(), i + 1, u.reported(), u.registered(),
                    u.registeredOnTime(), u.onTimeRegistrationRate(), u.dispatched(), u.dispatchedAccurately(),
                    u.accurateDispatchRate(), u.handled(), u.handledOnTime(), u.onTimeHandlingRate(), u.reworked(),
                    u.reworkRate(), u.averageHandlingHours(), u.closed(), u.closedOnTime(), u.dueToClose(),
                    u.closingRate(), u.onTimeClosingRate()));
        }
        return ranked;
    }

    private static Aggregation histogram(String field, List<Range> ranges, CalendarInterval interval) {
        boolean reports = field.equals("reportedAt");
        return Aggregation.of(a -> a.filter(inRanges(field, ranges))
                .aggregations("per", h -> {
                    h.dateHistogram(d -> d.field(field).calendarInterval(interval).timeZone(CaseFigures.CITY.getId())
                            .minDocCount(1));
                    if (reports) {
                        h.aggregations("reports", r -> r.sum(m -> m.field("reportCount")));
                    }
                    return h;
                }));
    }

    static Query inPeriod(String field, Instant from, Instant to) {
        return Query.of(q -> q.range(r -> r.date(d -> d.field(field).gte(from.toString()).lt(to.toString()))));
    }

    private static Query inRanges(String field, List<Range> ranges) {
        if (ranges.size() == 1) {
            return inPeriod(field, ranges.getFirst().from(), ranges.getFirst().to());
        }
        return Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                .should(ranges.stream().map(range -> inPeriod(field, range.from(), range.to())).toList())));
    }

    private static Query isTrue(String field) {
        return Query.of(q -> q.term(t -> t.field(field).value(true)));
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static String codeField(Grouping grouping) {
        return switch (grouping) {
            case DISTRICT -> "districtCode";
            case STREET -> "streetCode";
            case COMMUNITY -> "communityCode";
            case CELL -> "cellCode";
            case CATEGORY -> "categoryCode";
            case WORKER -> "workerId";
        };
    }

    private static String nameField(Grouping grouping) {
        return switch (grouping) {
            case DISTRICT -> "district";
            case STREET -> "street";
            case COMMUNITY -> "community";
            case CELL -> "cellName";
            case CATEGORY -> "categoryZh";
            case WORKER -> "workerId";
        };
    }
}
