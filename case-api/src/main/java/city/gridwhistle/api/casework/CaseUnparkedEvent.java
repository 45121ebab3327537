package city.gridwhistle.api.casework;

import java.time.Instant;

/** The case was taken up again, back in the state it was parked from. */
public record CaseUnparkedEvent(String caseId, String reason, CaseStatus statusAfter, Instant at) implements CaseEvent {
}
