package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor parks a case (挂账) that cannot be handled now; its deadlines stop. */
public record ParkCaseCommand(@TargetAggregateIdentifier String caseId, String reason, Actor actor) {
}
