package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A supervisor voids a case (作废) that needs no handling, saying why. */
public record VoidCaseCommand(@TargetAggregateIdentifier String caseId, String reason, Actor actor,
        @TargetAggregateVersion Long expectedVersion) implements CaseCommand {

    /** Without a version to check: acts on the case as it is. */
    public VoidCaseCommand(String caseId, String reason, Actor actor) {
        this(caseId, reason, actor, null);
    }
}
