package city.gridwhistle.api.casework;

import java.time.Instant;

/** A rider follows the case. */
public record CaseFollowedEvent(String caseId, String riderId, Instant at) implements CaseEvent {
}
