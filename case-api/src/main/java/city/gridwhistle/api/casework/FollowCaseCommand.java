package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A rider follows a case to hear how it goes. */
public record FollowCaseCommand(@TargetAggregateIdentifier String caseId, Actor actor,
        @TargetAggregateVersion Long expectedVersion) implements CaseCommand {

    /** Without a version to check: acts on the case as it is. */
    public FollowCaseCommand(String caseId, Actor actor) {
        this(caseId, actor, null);
    }
}
