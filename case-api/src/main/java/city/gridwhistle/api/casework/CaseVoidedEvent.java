package city.gridwhistle.api.casework;

import java.time.Instant;

/** The case was voided (作废). */
public record CaseVoidedEvent(String caseId, String reason, String byId, Instant at) implements CaseEvent {
}
