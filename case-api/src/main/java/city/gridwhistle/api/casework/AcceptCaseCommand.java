package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The assigned grid worker accepts the case (接单). */
public record AcceptCaseCommand(@TargetAggregateIdentifier String caseId, Actor actor) {
}
