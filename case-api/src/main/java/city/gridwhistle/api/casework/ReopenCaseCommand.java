package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A supervisor reopens a closed case, which is routed again. */
public record ReopenCaseCommand(@TargetAggregateIdentifier String caseId, String reason, Actor actor,
        @TargetAggregateVersion Long expectedVersion) implements CaseCommand {

    /** Without a version to check: acts on the case as it is. */
    public ReopenCaseCommand(String caseId, String reason, Actor actor) {
        this(caseId, reason, actor, null);
    }
}
