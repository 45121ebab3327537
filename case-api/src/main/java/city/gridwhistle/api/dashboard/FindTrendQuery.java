package city.gridwhistle.api.dashboard;

import city.gridwhistle.api.shared.Actor;
import java.time.Instant;

/** Reports, registrations and closings per day, week or month over [from, to), in the city's time zone. */
public record FindTrendQuery(Instant from, Instant to, TrendInterval interval, Actor viewer) {
}
