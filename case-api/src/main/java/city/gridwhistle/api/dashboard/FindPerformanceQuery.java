package city.gridwhistle.api.dashboard;

import city.gridwhistle.api.shared.Actor;
import java.time.Instant;

/** The performance figures of every unit of a grouping over the period [from, to), ranked; see docs/metrics.md. */
public record FindPerformanceQuery(Instant from, Instant to, Grouping groupBy, Actor viewer) {
}
