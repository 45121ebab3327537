package city.gridwhistle.api.casework;

import java.time.Instant;

/** The assigned worker accepted the case; it is in progress. */
public record CaseAcceptedEvent(String caseId, String workerId, Instant at) implements CaseEvent {
}
