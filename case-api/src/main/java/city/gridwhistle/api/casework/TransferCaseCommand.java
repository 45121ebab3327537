package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A misrouted case moves to the cell it belongs to, with a reason, and is routed there. */
public record TransferCaseCommand(@TargetAggregateIdentifier String caseId, String toCellCode, String reason, Actor actor,
        @TargetAggregateVersion Long expectedVersion) implements CaseCommand {

    /** Without a version to check: acts on the case as it is. */
    public TransferCaseCommand(String caseId, String toCellCode, String reason, Actor actor) {
        this(caseId, toCellCode, reason, actor, null);
    }
}
