package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor escalates a case (督办). */
public record EscalateCaseCommand(@TargetAggregateIdentifier String caseId, String reason, Actor actor) {
}
