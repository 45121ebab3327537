package city.gridwhistle.command.casefile;

import city.gridwhistle.api.casework.CaseStepDeadlineSetEvent;
import city.gridwhistle.api.casework.DeadlineStep;
import city.gridwhistle.api.shared.TimeLimit;
import city.gridwhistle.command.deadline.WorkCalendar;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.springframework.stereotype.Component;

/**
 * Starts and stops the clocks of a case's steps: computes warning and due instants over the work calendar and
 * schedules them as persistent deadlines in the case's scope, so they survive restarts and fire once.
 */
@Component
public class CaseClock {

    private final WorkCalendar calendar;
    private final Clock clock;

    public CaseClock(WorkCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    CaseStepDeadlineSetEvent start(String caseId, DeadlineStep step, TimeLimit limit, int generation,
                                   DeadlineManager deadlines) {
        Instant start = now();
        Instant warnAt = calendar.pointAt(start, limit, StepDeadline.WARNING_AT);
        Instant dueAt = calendar.deadline(start, limit);
        var scope = new AggregateScopeDescriptor(CaseFile.class.getSimpleName(), caseId);
        var payload = new StepDeadline(step, generation);
        String warningId = deadlines.schedule(warnAt, StepDeadline.WARNING, payload, scope);
        String overdueId = deadlines.schedule(dueAt, StepDeadline.OVERDUE, payload, scope);
        return new CaseStepDeadlineSetEvent(caseId, step, limit, start, warnAt, dueAt, warningId, overdueId);
    }

    void stop(String warningId, String overdueId, DeadlineManager deadlines) {
        if (warningId != null) {
            deadlines.cancelSchedule(StepDeadline.WARNING, warningId);
        }
        if (overdueId != null) {
            deadlines.cancelSchedule(StepDeadline.OVERDUE, overdueId);
        }
    }
}
