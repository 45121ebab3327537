package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A supervisor takes a parked case up again; it returns to where it was, with fresh deadlines. */
public record UnparkCaseCommand(@TargetAggregateIdentifier String caseId, String reason, Actor actor,
        @TargetAggregateVersion Long expectedVersion) implements CaseCommand {

    /** Without a version to check: acts on the case as it is. */
    public UnparkCaseCommand(String caseId, String reason, Actor actor) {
        this(caseId, reason, actor, null);
    }
}
