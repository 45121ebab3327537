package city.gridwhistle.api.rider;

import city.gridwhistle.api.shared.GeoPoint;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/**
 * A station as the directory shows it.
 *
 * @param services     sorted service codes
 * @param opens        local time in the city; {@code opens == closes} means around the clock
 * @param closed       out of service (closed by an administrator) since {@code closedAt}, for {@code closedReason}
 * @param open         whether it is open at the instant the query asked about (now unless told otherwise)
 */
public record StationView(
        String stationId,
        String name,
        String address,
        GeoPoint location,
        List<String> services,
        LocalTime opens,
        LocalTime closes,
        String operator,
        boolean closed,
        String closedReason,
        Instant closedAt,
        boolean open) {
}
