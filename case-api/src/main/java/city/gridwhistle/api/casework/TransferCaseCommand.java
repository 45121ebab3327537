package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A misrouted case moves to the cell it belongs to, with a reason, and is routed there. */
public record TransferCaseCommand(@TargetAggregateIdentifier String caseId, String toCellCode, String reason, Actor actor) {
}
