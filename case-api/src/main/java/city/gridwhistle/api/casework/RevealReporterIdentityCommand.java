package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A supervisor asks who reported a case, saying why; answered with a {@link ReporterIdentity}, and recorded. */
public record RevealReporterIdentityCommand(@TargetAggregateIdentifier String caseId, String reason, Actor actor,
        @TargetAggregateVersion Long expectedVersion) implements CaseCommand {

    /** Without a version to check: acts on the case as it is. */
    public RevealReporterIdentityCommand(String caseId, String reason, Actor actor) {
        this(caseId, reason, actor, null);
    }
}
