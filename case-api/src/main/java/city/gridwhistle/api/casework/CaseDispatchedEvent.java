package city.gridwhistle.api.casework;

import java.time.Instant;

/** The case was dispatched (派遣) to a grid worker on duty in its cell. */
public record CaseDispatchedEvent(String caseId, String cellCode, String workerId, Instant dispatchedAt) implements CaseEvent {
}
