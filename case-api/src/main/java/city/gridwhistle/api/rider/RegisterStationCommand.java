package city.gridwhistle.api.rider;

import city.gridwhistle.api.shared.GeoPoint;
import java.time.LocalTime;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a rider station (暖"新"驿站). Opening hours may cross midnight (opens 18:00, closes 02:00); a station
 * open around the clock has {@code opens == closes}.
 */
public record RegisterStationCommand(
        @TargetAggregateIdentifier String stationId,
        String name,
        String address,
        GeoPoint location,
        Set<String> services,
        LocalTime opens,
        LocalTime closes,
        String operator) {

    public RegisterStationCommand {
        services = Set.copyOf(services);
    }
}
