package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor reopens a closed case, which is routed again. */
public record ReopenCaseCommand(@TargetAggregateIdentifier String caseId, String reason, Actor actor) {
}
