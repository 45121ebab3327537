package city.gridwhistle.api.casework;

import java.time.Instant;

/** 80 % of a step's time has gone and the step is not done. */
public record CaseStepDeadlineWarnedEvent(String caseId, DeadlineStep step, Instant dueAt, Instant at) implements CaseEvent {
}
