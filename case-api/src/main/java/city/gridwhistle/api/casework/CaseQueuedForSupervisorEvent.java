package city.gridwhistle.api.casework;

import java.time.Instant;

/** Nobody was on duty in the case's cell, so it waits in the supervisors' queue for a manual dispatch. */
public record CaseQueuedForSupervisorEvent(String caseId, String cellCode, String reason, Instant queuedAt) implements CaseEvent {
}
