package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A supervisor parks a case (挂账) that cannot be handled now; its deadlines stop. */
public record ParkCaseCommand(@TargetAggregateIdentifier String caseId, String reason, Actor actor,
        @TargetAggregateVersion Long expectedVersion) implements CaseCommand {

    /** Without a version to check: acts on the case as it is. */
    public ParkCaseCommand(String caseId, String reason, Actor actor) {
        this(caseId, reason, actor, null);
    }
}
