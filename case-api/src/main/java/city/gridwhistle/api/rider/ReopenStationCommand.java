package city.gridwhistle.api.rider;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Put a closed station back in service; administrators only. */
public record ReopenStationCommand(@TargetAggregateIdentifier String stationId, Actor actor) {
}
