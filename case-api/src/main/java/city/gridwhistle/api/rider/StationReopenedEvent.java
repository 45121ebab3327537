package city.gridwhistle.api.rider;

import java.time.Instant;

/** The station is back in service: open again during its hours. */
public record StationReopenedEvent(String stationId, Instant at) {
}
