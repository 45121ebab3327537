package city.gridwhistle.api.rider;

import java.time.Instant;

/** The station is out of service until reopened: never open, whatever its hours say. */
public record StationClosedEvent(String stationId, String reason, Instant at) {
}
