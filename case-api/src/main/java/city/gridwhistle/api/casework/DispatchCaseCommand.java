package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A supervisor dispatches a case waiting in the queue to a grid worker. */
public record DispatchCaseCommand(@TargetAggregateIdentifier String caseId, String workerId, Actor actor,
        @TargetAggregateVersion Long expectedVersion) implements CaseCommand {

    /** Without a version to check: acts on the case as it is. */
    public DispatchCaseCommand(String caseId, String workerId, Actor actor) {
        this(caseId, workerId, actor, null);
    }
}
