package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor takes a parked case up again; it returns to where it was, with fresh deadlines. */
public record UnparkCaseCommand(@TargetAggregateIdentifier String caseId, String reason, Actor actor) {
}
