package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.PhotoRef;
import city.gridwhistle.api.shared.Role;
import java.time.Instant;
import java.util.List;

/** A note on the case's progress. */
public record CaseProgressNotedEvent(String caseId, String authorId, Role authorRole, String note, List<PhotoRef> photos, Instant at) implements CaseEvent {
}
