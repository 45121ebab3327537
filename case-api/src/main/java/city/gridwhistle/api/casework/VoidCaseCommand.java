package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor voids a case (作废) that needs no handling, saying why. */
public record VoidCaseCommand(@TargetAggregateIdentifier String caseId, String reason, Actor actor) {
}
