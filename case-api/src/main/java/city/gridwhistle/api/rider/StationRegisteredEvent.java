package city.gridwhistle.api.rider;

import city.gridwhistle.api.shared.GeoPoint;
import java.time.LocalTime;
import java.util.Set;

public record StationRegisteredEvent(
        String stationId,
        String name,
        String address,
        GeoPoint location,
        Set<String> services,
        LocalTime opens,
        LocalTime closes,
        String operator) {
}
