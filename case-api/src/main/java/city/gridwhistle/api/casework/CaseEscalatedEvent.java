package city.gridwhistle.api.casework;

import java.time.Instant;

/** The case was escalated (督办): by a supervisor, or by the system when a step ran out of time (then step names it). */
public record CaseEscalatedEvent(String caseId, DeadlineStep step, String reason, String byId, Instant at) implements CaseEvent {
}
