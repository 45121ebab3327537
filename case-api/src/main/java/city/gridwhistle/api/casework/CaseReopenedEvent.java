package city.gridwhistle.api.casework;

import java.time.Instant;

/** A closed case was reopened. */
public record CaseReopenedEvent(String caseId, String reason, Instant at) implements CaseEvent {
}
