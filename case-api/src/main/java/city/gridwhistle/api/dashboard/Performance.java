package city.gridwhistle.api.dashboard;

import java.time.Instant;
import java.util.List;

/** The ranked units and the totals over all of them. */
public record Performance(Instant from, Instant to, Grouping groupBy, List<UnitPerformance> units, UnitPerformance total) {
}
