package city.gridwhistle.api.dashboard;

import city.gridwhistle.api.shared.Actor;
import java.time.Instant;

/** Cases first reported in [from, to), counted per map tile at the zoom level (1..20). */
public record FindHeatmapQuery(Instant from, Instant to, int zoom, Actor viewer) {
}
