package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.PhotoRef;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A progress note, optionally with photos, from the worker or a supervisor. */
public record NoteProgressCommand(@TargetAggregateIdentifier String caseId, String note, List<PhotoRef> photos, Actor actor) {

    public NoteProgressCommand {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }
}
