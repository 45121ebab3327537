package city.gridwhistle.api.rider;

import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.GeoPoint;
import java.time.LocalTime;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a rider station (暖"新"驿站); administrators only. Opening hours are local times in the city (Asia/Shanghai)
 * and may cross midnight (opens 18:00, closes 02:00); a station open around the clock has {@code opens == closes}.
 * Services are upper-case codes: CHARGING, BATTERY_SWAP, HOT_WATER, MICROWAVE, FIRST_AID, TOILET, REST_SEATS…
 */
public record RegisterStationCommand(
        @TargetAggregateIdentifier String stationId,
        String name,
        String address,
        GeoPoint location,
        Set<String> services,
        LocalTime opens,
        LocalTime closes,
        String operator,
        Actor actor) {

    public RegisterStationCommand {
        services = services == null ? Set.of() : Set.copyOf(services);
    }
}
