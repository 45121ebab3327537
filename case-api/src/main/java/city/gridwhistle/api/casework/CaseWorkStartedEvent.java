package city.gridwhistle.api.casework;

import java.time.Instant;

/** The worker started work on site. */
public record CaseWorkStartedEvent(String caseId, String workerId, Instant at) implements CaseEvent {
}
