package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.PhotoRef;
import city.gridwhistle.api.shared.Role;
import java.time.Instant;
import java.util.List;

/** The resolution was checked and found good. */
public record CaseVerifiedEvent(String caseId, String verifierId, Role verifierRole, String note, List<PhotoRef> photos, Instant at) implements CaseEvent {
}
