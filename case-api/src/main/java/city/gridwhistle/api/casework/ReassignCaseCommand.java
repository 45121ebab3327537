package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor gives a case to another grid worker, saying why. */
public record ReassignCaseCommand(@TargetAggregateIdentifier String caseId, String workerId, String reason, Actor actor) {
}
