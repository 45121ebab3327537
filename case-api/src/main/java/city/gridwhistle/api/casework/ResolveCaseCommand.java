package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.PhotoRef;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The assigned grid worker reports the hazard handled (处置反馈), with at least one after-photo. */
public record ResolveCaseCommand(@TargetAggregateIdentifier String caseId, String note, List<PhotoRef> photos, Actor actor,
        @TargetAggregateVersion Long expectedVersion) implements CaseCommand {

    /** Without a version to check: acts on the case as it is. */
    public ResolveCaseCommand(String caseId, String note, List<PhotoRef> photos, Actor actor) {
        this(caseId, note, photos, actor, null);
    }

    public ResolveCaseCommand {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }
}
