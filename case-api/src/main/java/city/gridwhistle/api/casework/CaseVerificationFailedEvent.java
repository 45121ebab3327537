package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.PhotoRef;
import city.gridwhistle.api.shared.Role;
import java.time.Instant;
import java.util.List;

/** The resolution was checked and found wanting: rework (返工), counted against the handler. */
public record CaseVerificationFailedEvent(String caseId, String verifierId, Role verifierRole, String handlerId, String note, List<PhotoRef> photos, int reworkCount, Instant at) implements CaseEvent {
}
