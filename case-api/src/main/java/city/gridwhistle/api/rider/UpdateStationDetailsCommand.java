package city.gridwhistle.api.rider;

import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.GeoPoint;
import java.time.LocalTime;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replace a station's details (all of them, as registered); administrators only. Hours and services as in
 * {@link RegisterStationCommand}. Whether the station is out of service is not a detail: see
 * {@link CloseStationCommand}.
 */
public record UpdateStationDetailsCommand(
        @TargetAggregateIdentifier String stationId,
        String name,
        String address,
        GeoPoint location,
        Set<String> services,
        LocalTime opens,
        LocalTime closes,
        String operator,
        Actor actor) {

    public UpdateStationDetailsCommand {
        services = services == null ? Set.of() : Set.copyOf(services);
    }
}
