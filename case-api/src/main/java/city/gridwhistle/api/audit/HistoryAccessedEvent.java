package city.gridwhistle.api.audit;

import city.gridwhistle.api.shared.Role;
import java.time.Instant;

/**
 * Someone viewed or exported a case's history. Not a case event: it lives in the case's access log, so the
 * case's own stream (and every read model built from it) stays as the case made it.
 */
public record HistoryAccessedEvent(String caseId, String viewerId, Role role, HistoryAccessAction action, String detail, Instant at) {
}
