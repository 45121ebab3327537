package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A supervisor escalates a case (督办). */
public record EscalateCaseCommand(@TargetAggregateIdentifier String caseId, String reason, Actor actor,
        @TargetAggregateVersion Long expectedVersion) implements CaseCommand {

    /** Without a version to check: acts on the case as it is. */
    public EscalateCaseCommand(String caseId, String reason, Actor actor) {
        this(caseId, reason, actor, null);
    }
}
