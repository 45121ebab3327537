package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.PhotoRef;
import java.time.Instant;
import java.util.List;

/** The worker reports the hazard handled, with after-photos. */
public record CaseResolvedEvent(String caseId, String workerId, String note, List<PhotoRef> photos, Instant at) implements CaseEvent {
}
