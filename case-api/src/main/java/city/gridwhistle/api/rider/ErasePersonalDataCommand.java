package city.gridwhistle.api.rider;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An administrator erases a rider's personal data (a PIPL request): the rider's data key is destroyed, so name and
 * phone can no longer be read anywhere; the events, which hold only the pseudonymous id, stay as they are.
 */
public record ErasePersonalDataCommand(@TargetAggregateIdentifier String riderId, String reason, Actor actor) {
}
