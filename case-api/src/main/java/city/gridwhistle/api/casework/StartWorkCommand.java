package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The assigned grid worker starts work on site. */
public record StartWorkCommand(@TargetAggregateIdentifier String caseId, Actor actor,
        @TargetAggregateVersion Long expectedVersion) implements CaseCommand {

    /** Without a version to check: acts on the case as it is. */
    public StartWorkCommand(String caseId, Actor actor) {
        this(caseId, actor, null);
    }
}
