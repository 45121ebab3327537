package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The assigned grid worker starts work on site. */
public record StartWorkCommand(@TargetAggregateIdentifier String caseId, Actor actor) {
}
