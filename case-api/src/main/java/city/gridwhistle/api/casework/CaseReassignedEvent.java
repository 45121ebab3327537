package city.gridwhistle.api.casework;

import java.time.Instant;

/** The case went from one grid worker to another. */
public record CaseReassignedEvent(String caseId, String fromWorkerId, String toWorkerId, String reason, Instant at) implements CaseEvent {
}
