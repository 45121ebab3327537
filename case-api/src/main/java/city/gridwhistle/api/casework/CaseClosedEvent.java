package city.gridwhistle.api.casework;

import java.time.Instant;
import java.util.Set;

/** The case is closed (结案). Names who reported and corroborated it, and who handled it. */
public record CaseClosedEvent(String caseId, String reporterId, Set<String> corroboratorIds, String handlerId, Instant at) implements CaseEvent {
}
