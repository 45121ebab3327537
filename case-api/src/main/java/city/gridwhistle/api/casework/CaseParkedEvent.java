package city.gridwhistle.api.casework;

import java.time.Instant;

/** The case was parked (挂账); its deadlines stopped. */
public record CaseParkedEvent(String caseId, String reason, CaseStatus statusBefore, Instant at) implements CaseEvent {
}
