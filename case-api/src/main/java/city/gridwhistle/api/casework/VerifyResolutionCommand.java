package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.PhotoRef;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Someone other than the resolver checks the resolution (核查): fixed, or not fixed. */
public record VerifyResolutionCommand(@TargetAggregateIdentifier String caseId, boolean fixed, String note, List<PhotoRef> photos, Actor actor,
        @TargetAggregateVersion Long expectedVersion) implements CaseCommand {

    /** Without a version to check: acts on the case as it is. */
    public VerifyResolutionCommand(String caseId, boolean fixed, String note, List<PhotoRef> photos, Actor actor) {
        this(caseId, fixed, note, photos, actor, null);
    }

    public VerifyResolutionCommand {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }
}
