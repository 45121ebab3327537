package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.TimeLimit;
import java.time.Instant;

/** A step's clock started: due at dueAt, warned at warnAt (80 %), with the schedule ids to cancel when the step completes. */
public record CaseStepDeadlineSetEvent(String caseId, DeadlineStep step, TimeLimit limit, Instant startedAt, Instant warnAt, Instant dueAt, String warningScheduleId, String overdueScheduleId) implements CaseEvent {
}
