package city.gridwhistle.query.dashboard;

import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.dashboard.FindHeatmapQuery;
import city.gridwhistle.api.dashboard.FindPerformanceQuery;
import city.gridwhistle.api.dashboard.FindTrendQuery;
import city.gridwhistle.api.dashboard.Grouping;
import city.gridwhistle.api.dashboard.Heatmap;
import city.gridwhistle.api.dashboard.Performance;
import city.gridwhistle.api.dashboard.Trend;
import city.gridwhistle.api.dashboard.UnitPerformance;
import city.gridwhistle.query.access.CaseAccess;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers the dashboard queries with aggregations over the cases the viewer may see. The figures and their
 * definitions are those of docs/metrics.md; each is one filter aggregation, computed per unit and in total.
 */
@Component
public class PerformanceQueries {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final int MAX_UNITS = 10_000;
    private static final List<String> FINAL = List.of(CaseStatus.CLOSED.name(), CaseStatus.VOIDED.name(),
            CaseStatus.MERGED.name());

    private final ElasticsearchClient client;
    private final CaseIndex index;
    private final CaseAccess access;

    public PerformanceQueries(ElasticsearchClient client, CaseIndex index, CaseAccess access) {
        this.client = client;
        this.index = index;
        this.access = access;
    }

    /**
     * Each figure is one filter aggregation over the viewer's cases with the units inside it, so a case is read
     * only by the figures it counts in, and the filter's own count is the total. The units and their names come
     * from one more terms aggregation over all the viewer's cases, so a unit with nothing to count still shows.
     * (Filters inside a terms aggregation, the other way round, test every case against every figure in every
     * unit: about half again as slow at a million cases.)
     */
    @QueryHandler
    public Performance handle(FindPerformanceQuery query) {
        index.ensureReady();
        String codeField = codeField(query.groupBy());
        Map<String, Aggregation> figures = new LinkedHashMap<>();
        figures(query.from(), query.to()).forEach((name, figure) -> figures.put(name, Aggregation.of(a -> a
                .filter(figure.filter())
                .aggregations(figure.metrics())
                .aggregations("units", u -> u.terms(t -> t.field(codeField).size(MAX_UNITS))
                        .aggregations(figure.metrics())))));
        try {
            SearchResponse<Void> response = client.search(s -> s
                    .index(CaseIndex.ALIAS)
                    .size(0)
                    .query(q -> q.bool(b -> b.filter(access.filterFor(query.viewer()))))
                    .aggregations(figures)
                    .aggregations("units", a -> a
                            .terms(t -> t.field(codeField).size(MAX_UNITS))
                            .aggregations("name", n -> n.terms(t -> t.field(nameField(query.groupBy())).size(1)))),
                    Void.class);
            Map<String, Aggregate> found = response.aggregations();
            Map<String, Map<String, Counted>> perUnit = new LinkedHashMap<>();
            figures.keySet().forEach(figure -> {
                Map<String, Counted> byCode = new HashMap<>();
                for (StringTermsBucket bucket : found.get(figure).filter().aggregations().get("units").sterms()
                        .buckets().array()) {
                    byCode.put(bucket.key().stringValue(), new Counted(bucket.docCount(), bucket.aggregations()));
                }
                perUnit.put(figure, byCode);
            });
            List<UnitPerformance> units = new ArrayList<>();
            for (StringTermsBucket bucket : found.get("units").sterms().buckets().array()) {
                String code = bucket.key().stringValue();
                var names = bucket.aggregations().get("name").sterms().buckets().array();
                String name = names.isEmpty() ? code : names.getFirst().key().stringValue();
                units.add(unit(code, name, figure -> perUnit.get(figure).getOrDefault(code, Counted.NOTHING)));
            }
            UnitPerformance total = unit("", "", figure -> {
                var filter = found.get(figure).filter();
                return new Counted(filter.docCount(), filter.aggregations());
            });
            return new Performance(query.from(), query.to(), query.groupBy(), rank(units), total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a figure counted: its cases and its metric aggregations, if it has any. */
    private record Counted(long cases, Map<String, Aggregate> metrics) {
        static final Counted NOTHING = new Counted(0, Map.of());
    }

    @QueryHandler
    public Trend handle(FindTrendQuery query) {
        index.ensureReady();
        CalendarInterval interval = switch (query.interval()) {
            case DAY -> CalendarInterval.Day;
            case WEEK -> CalendarInterval.Week;
            case MONTH -> CalendarInterval.Month;
        };
        try {
            SearchResponse<Void> response = client.search(s -> s
                    .index(CaseIndex.ALIAS)
                    .size(0)
                    .query(q -> q.bool(b -> b.filter(access.filterFor(query.viewer()))))
                    .aggregations("reported", histogram("reportedAt", query, interval))
                    .aggregations("registered", histogram("registeredAt", query, interval))
                    .aggregations("closed", histogram("closedAt", query, interval)), Void.class);
            Map<LocalDate, long[]> points = new TreeMap<>();
            String[] series = {"reported", "registered", "closed"};
            for (int i = 0; i < series.length; i++) {
                for (DateHistogramBucket bucket : response.aggregations().get(series[i]).filter().aggregations()
                        .get("per").dateHistogram().buckets().array()) {
                    LocalDate day = Instant.ofEpochMilli(bucket.key()).atZone(CITY).toLocalDate();
                    // 上报数 counts reports, corroborating ones included, as the performance figure does
                    long value = bucket.aggregations().containsKey("reports")
                            ? Math.round(bucket.aggregations().get("reports").sum().value()) : bucket.docCount();
                    points.computeIfAbsent(day, d -> new long[3])[i] += value;
                }
            }
            return new Trend(query.interval(), points.entrySet().stream()
                    .map(e -> new Trend.Point(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** A figure of docs/metrics.md: the cases it counts, and the metric it computes over them, if any. */
    record Figure(Query filter, Map<String, Aggregation> metrics) {
    }

    /** The figures of docs/metrics.md, by name. */
    static Map<String, Figure> figures(Instant from, Instant to) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        figures.put("reported", new Figure(inPeriod("reportedAt", from, to),
                Map.of("reports", Aggregation.of(r -> r.sum(m -> m.field("reportCount"))))));
        figures.put("registered", counting(inPeriod("registeredAt", from, to)));
        figures.put("registeredOnTime", counting(inPeriod("registeredAt", from, to), isTrue("dispatchedOnTime")));
        figures.put("dispatched", counting(inPeriod("dispatchedAt", from, to)));
        figures.put("dispatchedAccurately", counting(inPeriod("dispatchedAt", from, to),
                Query.of(q -> q.term(t -> t.field("transferCount").value(0)))));
        figures.put("handled", new Figure(inPeriod("resolvedAt", from, to),
                Map.of("minutes", Aggregation.of(m -> m.avg(v -> v.field("handlingMinutes"))))));
        figures.put("handledOnTime", counting(inPeriod("resolvedAt", from, to), isTrue("handledOnTime")));
        figures.put("reworked", counting(inPeriod("resolvedAt", from, to), isTrue("reworked")));
        figures.put("closed", counting(inPeriod("closedAt", from, to)));
        figures.put("closedOnTime", counting(inPeriod("closedAt", from, to), isTrue("closedOnTime")));
        figures.put("openOverdue", counting(openOverdue(to)));
        return figures;
    }

    private static Figure counting(Query... all) {
        return new Figure(all.length == 1 ? all[0] : Query.of(q -> q.bool(b -> b.filter(List.of(all)))), Map.of());
    }

    /** Open now, registered before {@code to}, and overdue: a step went overdue, or the running one is due before to. */
    static Query openOverdue(Instant to) {
        return Query.of(q -> q.bool(b -> b
                .mustNot(m -> m.terms(t -> t.field("status").terms(v -> v.value(FINAL.stream().map(FieldValue::of).toList()))))
                .filter(f -> f.range(r -> r.date(d -> d.field("registeredAt").lt(to.toString()))))
                .filter(f -> f.bool(o -> o
                        .should(s -> s.exists(e -> e.field("overdueSteps")))
                        .should(s -> s.range(r -> r.date(d -> d.field("stepDueAt").lt(to.toString()))))
                        .minimumShouldMatch("1")))));
    }

    private static UnitPerformance unit(String code, String name, Function<String, Counted> figure) {
        long reported = Math.round(metric(figure.apply("reported"), "reports", a -> a.sum().value(), 0.0));
        long registered = figure.apply("registered").cases();
        long registeredOnTime = figure.apply("registeredOnTime").cases();
        long dispatched = figure.apply("dispatched").cases();
        long dispatchedAccurately = figure.apply("dispatchedAccurately").cases();
        Counted handledFigure = figure.apply("handled");
        long handled = handledFigure.cases();
        Double minutes = metric(handledFigure, "minutes", a -> a.avg().value(), null);
        long handledOnTime = figure.apply("handledOnTime").cases();
        long reworked = figure.apply("reworked").cases();
        long closed = figure.apply("closed").cases();
        long closedOnTime = figure.apply("closedOnTime").cases();
        long dueToClose = closed + figure.apply("openOverdue").cases();
        return new UnitPerformance(code, name, 0, reported, registered, registeredOnTime, rate(registeredOnTime, registered),
                dispatched, dispatchedAccurately, rate(dispatchedAccurately, dispatched), handled, handledOnTime,
                rate(handledOnTime, handled), reworked, rate(reworked, handled),
                handled == 0 || minutes == null || minutes.isNaN() ? null : minutes / 60.0,
                closed, closedOnTime, dueToClose, rate(closed, dueToClose), rate(closedOnTime, dueToClose));
    }

    private static Double metric(Counted counted, String name, Function<Aggregate, Double> value, Double none) {
        Aggregate aggregate = counted.metrics().get(name);
        return aggregate == null ? none : value.apply(aggregate);
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

    private static Aggregation histogram(String field, FindTrendQuery query, CalendarInterval interval) {
        boolean reports = field.equals("reportedAt");
        return Aggregation.of(a -> a.filter(inPeriod(field, query.from(), query.to()))
                .aggregations("per", h -> {
                    h.dateHistogram(d -> d.field(field).calendarInterval(interval).timeZone(CITY.getId()).minDocCount(1));
                    if (reports) {
                        h.aggregations("reports", r -> r.sum(m -> m.field("reportCount")));
                    }
                    return h;
                }));
    }

    static Query inPeriod(String field, Instant from, Instant to) {
        return Query.of(q -> q.range(r -> r.date(d -> d.field(field).gte(from.toString()).lt(to.toString()))));
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
