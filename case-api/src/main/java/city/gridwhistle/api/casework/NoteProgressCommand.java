package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.PhotoRef;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A progress note, optionally with photos, from the worker or a supervisor. */
public record NoteProgressCommand(@TargetAggregateIdentifier String caseId, String note, List<PhotoRef> photos, Actor actor,
        @TargetAggregateVersion Long expectedVersion) implements CaseCommand {

    /** Without a version to check: acts on the case as it is. */
    public NoteProgressCommand(String caseId, String note, List<PhotoRef> photos, Actor actor) {
        this(caseId, note, photos, actor, null);
    }

    public NoteProgressCommand {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }
}
