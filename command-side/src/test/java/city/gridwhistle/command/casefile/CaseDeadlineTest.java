package city.gridwhistle.command.casefile;

import static city.gridwhistle.command.casefile.CaseFixtures.MANHOLE;
import static city.gridwhistle.command.casefile.CaseFixtures.NOW;
import static city.gridwhistle.command.casefile.CaseHistories.CASE;
import static city.gridwhistle.command.casefile.CaseHistories.REPORTER;
import static city.gridwhistle.command.casefile.CaseHistories.SUPERVISOR;
import static city.gridwhistle.command.casefile.CaseHistories.W001;
import static city.gridwhistle.command.casefile.CaseHistories.W002;
import static city.gridwhistle.command.casefile.CaseHistories.W009;
import static city.gridwhistle.command.casefile.CaseHistories.dispatched;
import static city.gridwhistle.command.casefile.CaseHistories.inProgress;
import static city.gridwhistle.command.casefile.CaseHistories.queued;
import static city.gridwhistle.command.casefile.CaseHistories.resolved;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.equalTo;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import city.gridwhistle.api.casework.AcceptCaseCommand;
import city.gridwhistle.api.casework.CaseClosedEvent;
import city.gridwhistle.api.casework.CaseEscalatedEvent;
import city.gridwhistle.api.casework.CaseReassignedEvent;
import city.gridwhistle.api.casework.CaseStepDeadlineSetEvent;
import city.gridwhistle.api.casework.CaseStepDeadlineWarnedEvent;
import city.gridwhistle.api.casework.CaseVerifiedEvent;
import city.gridwhistle.api.casework.DeadlineStep;
import city.gridwhistle.api.casework.DispatchCaseCommand;
import city.gridwhistle.api.casework.ParkCaseCommand;
import city.gridwhistle.api.casework.VoidCaseCommand;
import city.gridwhistle.api.shared.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.deadline.DeadlineMessage;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

/**
 * Each timed step runs a clock over the category's limits: a warning at 80 %, an escalation (督办) at 100 %, and
 * nothing at all from a clock whose step is done. Manhole covers: accept 30 min, handle 2 urgent hours.
 */
class CaseDeadlineTest {

    private static final Instant ACCEPT_WARNED = NOW.plus(Duration.ofMinutes(24));
    private static final Instant ACCEPT_DUE = NOW.plus(Duration.ofMinutes(30));
    private static final Instant HANDLE_WARNED = NOW.plus(Duration.ofMinutes(96));
    private static final Instant HANDLE_DUE = NOW.plus(Duration.ofHours(2));

    private final CaseFixtures cases = new CaseFixtures();

    @Test
    void eightyPercentOfTheAcceptTimeGoneWarnsOfTheDueTime() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(dispatched())
                .whenTimeElapses(Duration.ofMinutes(25))
                .expectTriggeredDeadlinesWithName(StepDeadline.WARNING)
                .expectEvents(new CaseStepDeadlineWarnedEvent(CASE, DeadlineStep.ACCEPT, ACCEPT_DUE, ACCEPT_WARNED));
    }

    @Test
    void acceptTimeRunningOutEscalatesTheCaseOnBehalfOfTheSystem() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(dispatched())
                .whenTimeAdvancesTo(ACCEPT_DUE)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        equalTo(new CaseStepDeadlineWarnedEvent(CASE, DeadlineStep.ACCEPT, ACCEPT_DUE, ACCEPT_WARNED)),
                        equalTo(new CaseEscalatedEvent(CASE, DeadlineStep.ACCEPT, "the accept time limit has passed",
                                "system", ACCEPT_DUE)),
                        andNoMore())));
    }

    @Test
    void handleTimeOfUrgentHoursWarnsAfterEightyPercentAroundTheClock() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(inProgress())
                .whenTimeAdvancesTo(HANDLE_WARNED)
                .expectEvents(new CaseStepDeadlineWarnedEvent(CASE, DeadlineStep.HANDLE, HANDLE_DUE, HANDLE_WARNED));
    }

    @Test
    void acceptingCancelsTheAcceptDeadlinesAndSchedulesTheHandleOnes() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(dispatched())
                .when(new AcceptCaseCommand(CASE, W002))
                .expectNoScheduledDeadlineMatching(stepDeadline(DeadlineStep.ACCEPT))
                .expectScheduledDeadlineWithName(HANDLE_WARNED, StepDeadline.WARNING)
                .expectScheduledDeadlineWithName(HANDLE_DUE, StepDeadline.OVERDUE);
    }

    @Test
    void dispatchingCancelsTheDispatchDeadlines() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(queued())
                .when(new DispatchCaseCommand(CASE, W009.id(), SUPERVISOR))
                .expectNoScheduledDeadlineMatching(stepDeadline(DeadlineStep.DISPATCH))
                .expectScheduledDeadlineWithName(ACCEPT_WARNED, StepDeadline.WARNING)
                .expectScheduledDeadlineWithName(ACCEPT_DUE, StepDeadline.OVERDUE);
    }

    @Test
    void parkingStopsTheClock() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(inProgress())
                .when(new ParkCaseCommand(CASE, "需要水务局配合", SUPERVISOR))
                .expectNoScheduledDeadlines();
    }

    @Test
    void voidingStopsTheClock() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(queued())
                .when(new VoidCaseCommand(CASE, "重复上报", SUPERVISOR))
                .expectNoScheduledDeadlines();
    }

    @Test
    void deadlineOfAStepAlreadyCompletedDoesNothing() {
        // verified and closed without its verify deadlines cancelled (as if the cancellation was lost): they still
        // fire, of the clock's current generation, but no step is running any more
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(resolved())
                .andGiven(new CaseVerifiedEvent(CASE, REPORTER.id(), Role.RIDER, "修好了", List.of(), NOW),
                        new CaseClosedEvent(CASE, REPORTER.id(), Set.of(), W002.id(), NOW))
                .whenTimeElapses(Duration.ofHours(1))
                .expectTriggeredDeadlinesWithName(StepDeadline.WARNING, StepDeadline.OVERDUE)
                .expectNoEvents();
    }

    @Test
    void anOverdueDeadlineThatFiresAgainDoesNotEscalateTwice() {
        // the instance that escalated died before db-scheduler recorded the execution as done: another runs it again
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(dispatched())
                .andGiven(new CaseStepDeadlineWarnedEvent(CASE, DeadlineStep.ACCEPT, ACCEPT_DUE, ACCEPT_WARNED),
                        new CaseEscalatedEvent(CASE, DeadlineStep.ACCEPT, "the accept time limit has passed",
                                "system", ACCEPT_DUE))
                .whenTimeAdvancesTo(ACCEPT_DUE)
                .expectTriggeredDeadlinesWithName(StepDeadline.WARNING, StepDeadline.OVERDUE)
                .expectNoEvents();
    }

    @Test
    void deadlineOfAnEarlierClockOfTheSameStepDoesNothing() {
        // reassigned ten minutes in, the first accept clock not cancelled: its deadlines fire, the second clock is current
        var reassignedAt = NOW.plus(Duration.ofMinutes(10));
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(dispatched())
                .andGiven(new CaseReassignedEvent(CASE, W002.id(), W001.id(), "W002 病假", reassignedAt),
                        acceptClockSet(reassignedAt))
                .whenTimeAdvancesTo(ACCEPT_DUE)
                .expectTriggeredDeadlinesWithName(StepDeadline.WARNING, StepDeadline.OVERDUE)
                .expectNoEvents();
    }

    private static CaseStepDeadlineSetEvent acceptClockSet(Instant at) {
        var limit = MANHOLE.limits().accept();
        return new CaseStepDeadlineSetEvent(CASE, DeadlineStep.ACCEPT, limit, at, at.plus(Duration.ofMinutes(24)),
                at.plus(Duration.ofMinutes(30)), "warning-2", "overdue-2");
    }

    private static Matcher<? super DeadlineMessage<?>> stepDeadline(DeadlineStep step) {
        return matches(deadline -> deadline instanceof DeadlineMessage<?> message
                && message.getPayload() instanceof StepDeadline payload && payload.step() == step);
    }
}
