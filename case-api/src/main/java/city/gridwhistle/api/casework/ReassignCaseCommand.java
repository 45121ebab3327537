package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A supervisor gives a case to another grid worker, saying why. */
public record ReassignCaseCommand(@TargetAggregateIdentifier String caseId, String workerId, String reason, Actor actor,
        @TargetAggregateVersion Long expectedVersion) implements CaseCommand {

    /** Without a version to check: acts on the case as it is. */
    public ReassignCaseCommand(String caseId, String workerId, String reason, Actor actor) {
        this(caseId, workerId, reason, actor, null);
    }
}
