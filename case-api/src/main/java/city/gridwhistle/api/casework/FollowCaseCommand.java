package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A rider follows a case to hear how it goes. */
public record FollowCaseCommand(@TargetAggregateIdentifier String caseId, Actor actor) {
}
