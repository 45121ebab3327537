package city.gridwhistle.api.rider;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a station out of service for a while (repairs, a power cut), with the reason riders will see; administrators only. */
public record CloseStationCommand(@TargetAggregateIdentifier String stationId, String reason, Actor actor) {
}
