package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor asks who reported a case, saying why; answered with a {@link ReporterIdentity}, and recorded. */
public record RevealReporterIdentityCommand(@TargetAggregateIdentifier String caseId, String reason, Actor actor) {
}
