package city.gridwhistle.api.rider;

import city.gridwhistle.api.shared.GeoPoint;
import java.time.LocalTime;
import java.util.Set;

/** A station's details as they are now: every field, not only the changed ones. */
public record StationDetailsUpdatedEvent(
        String stationId,
        String name,
        String address,
        GeoPoint location,
        Set<String> services,
        LocalTime opens,
        LocalTime closes,
        String operator) {
}
