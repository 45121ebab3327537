package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The assigned grid worker accepts the case (接单). */
public record AcceptCaseCommand(@TargetAggregateIdentifier String caseId, Actor actor,
        @TargetAggregateVersion Long expectedVersion) implements CaseCommand {

    /** Without a version to check: acts on the case as it is. */
    public AcceptCaseCommand(String caseId, Actor actor) {
        this(caseId, actor, null);
    }
}
