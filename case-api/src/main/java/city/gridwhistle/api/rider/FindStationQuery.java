package city.gridwhistle.api.rider;

import java.time.Instant;

/** One station by id, with whether it is open at {@code at} (null: now). Answered with an optional {@link StationView}. */
public record FindStationQuery(String stationId, Instant at) {
}
