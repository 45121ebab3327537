package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor dispatches a case waiting in the queue to a grid worker. */
public record DispatchCaseCommand(@TargetAggregateIdentifier String caseId, String workerId, Actor actor) {
}
