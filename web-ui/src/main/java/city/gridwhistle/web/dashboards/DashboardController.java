package city.gridwhistle.web.dashboards;

import city.gridwhistle.api.dashboard.FindHeatmapQuery;
import city.gridwhistle.api.dashboard.FindPerformanceQuery;
import city.gridwhistle.api.dashboard.FindTrendQuery;
import city.gridwhistle.api.dashboard.Grouping;
import city.gridwhistle.api.dashboard.Heatmap;
import city.gridwhistle.api.dashboard.Performance;
import city.gridwhistle.api.dashboard.Trend;
import city.gridwhistle.api.dashboard.TrendInterval;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.web.RequestValues;
import city.gridwhistle.web.problem.InvalidParameterException;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figures supervisors are judged by (docs/metrics.md) for a period [from, to): dates are days in the city's
 * time zone, instants are exact; by default the last 30 days. A district supervisor sees their district.
 */
@RestController
@RequestMapping("/api/dashboards")
class DashboardController {

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    private static final Duration LONGEST_PERIOD = Duration.ofDays(3 * 366);

    private final QueryGateway queries;

    DashboardController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/performance")
    Performance performance(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                            @RequestParam(defaultValue = "DISTRICT") Grouping groupBy, Actor viewer) {
        Period period = period(from, to);
        return queries.query(new FindPerformanceQuery(period.from(), period.to(), groupBy, viewer), Performance.class)
                .join();
    }

    @GetMapping("/trend")
    Trend trend(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(defaultValue = "DAY") TrendInterval interval, Actor viewer) {
        Period period = period(from, to);
        return queries.query(new FindTrendQuery(period.from(), period.to(), interval, viewer), Trend.class).join();
    }

    @GetMapping("/heatmap")
    Heatmap heatmap(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(defaultValue = "14") int zoom, Actor viewer) {
        if (zoom < 1 || zoom > 20) {
            throw new InvalidParameterException("zoom", "a zoom level is 1..20");
        }
        Period period = period(from, to);
        return queries.query(new FindHeatmapQuery(period.from(), period.to(), zoom, viewer), Heatmap.class).join();
    }

    private record Period(Instant from, Instant to) {
    }

    private static Period period(String fromText, String toText) {
        Instant given = RequestValues.instant("to", toText);
        Instant to = given == null ? Instant.now() : given;
        Instant start = RequestValues.instant("from", fromText);
        Instant from = start == null ? to.minus(DEFAULT_PERIOD) : start;
        if (!from.isBefore(to)) {
            throw new InvalidParameterException("from", "the period starts before it ends");
        }
        if (Duration.between(from, to).compareTo(LONGEST_PERIOD) > 0) {
            throw new InvalidParameterException("from", "a period is at most three years");
        }
        return new Period(from, to);
    }
}
