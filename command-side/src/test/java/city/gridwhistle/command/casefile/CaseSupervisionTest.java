package city.gridwhistle.command.casefile;

import static city.gridwhistle.command.casefile.CaseFixtures.MANHOLE;
import static city.gridwhistle.command.casefile.CaseFixtures.NOW;
import static city.gridwhistle.command.casefile.CaseFixtures.STAFFED;
import static city.gridwhistle.command.casefile.CaseFixtures.clockStarted;
import static city.gridwhistle.command.casefile.CaseHistories.CASE;
import static city.gridwhistle.command.casefile.CaseHistories.OTHER_RIDER;
import static city.gridwhistle.command.casefile.CaseHistories.REPORTER;
import static city.gridwhistle.command.casefile.CaseHistories.SUPERVISOR;
import static city.gridwhistle.command.casefile.CaseHistories.W001;
import static city.gridwhistle.command.casefile.CaseHistories.W002;
import static city.gridwhistle.command.casefile.CaseHistories.W009;
import static city.gridwhistle.command.casefile.CaseHistories.inProgress;
import static city.gridwhistle.command.casefile.CaseHistories.queued;
import static city.gridwhistle.command.casefile.CaseHistories.resolve;
import static city.gridwhistle.command.casefile.CaseHistories.with;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.equalTo;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import city.gridwhistle.api.casework.AcceptCaseCommand;
import city.gridwhistle.api.casework.CaseAction;
import city.gridwhistle.api.casework.CaseEscalatedEvent;
import city.gridwhistle.api.casework.CaseParkedEvent;
import city.gridwhistle.api.casework.CaseReassignedEvent;
import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.casework.CaseUnparkedEvent;
import city.gridwhistle.api.casework.CaseVoidedEvent;
import city.gridwhistle.api.casework.DeadlineStep;
import city.gridwhistle.api.casework.DispatchCaseCommand;
import city.gridwhistle.api.casework.EscalateCaseCommand;
import city.gridwhistle.api.casework.FollowCaseCommand;
import city.gridwhistle.api.casework.IllegalTransitionException;
import city.gridwhistle.api.casework.NoSuchCaseException;
import city.gridwhistle.api.casework.NoteProgressCommand;
import city.gridwhistle.api.casework.ParkCaseCommand;
import city.gridwhistle.api.casework.ReassignCaseCommand;
import city.gridwhistle.api.casework.ReopenCaseCommand;
import city.gridwhistle.api.casework.StartWorkCommand;
import city.gridwhistle.api.casework.TransferCaseCommand;
import city.gridwhistle.api.casework.UnparkCaseCommand;
import city.gridwhistle.api.casework.VerifyResolutionCommand;
import city.gridwhistle.api.casework.VoidCaseCommand;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.CommandRejectedException.Reason;
import city.gridwhistle.api.shared.NotPermittedException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What supervisors do to a case besides dispatching it: reassign, park and unpark, escalate, void. */
class CaseSupervisionTest {

    private static final String REASON = "需要水务局配合";

    private final CaseFixtures cases = new CaseFixtures();

    @Test
    void supervisorReassignsACaseToAnotherOnDutyWorkerWhoMustAcceptItAnew() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(inProgress())
                .when(new ReassignCaseCommand(CASE, W001.id(), "W002 病假", SUPERVISOR))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        equalTo(new CaseReassignedEvent(CASE, W002.id(), W001.id(), "W002 病假", NOW)),
                        clockStarted(CASE, DeadlineStep.ACCEPT, NOW, MANHOLE.limits().accept()),
                        andNoMore())));
    }

    @Test
    void reassigningACaseToTheWorkerWhoHasItIsRefused() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(inProgress())
                .when(new ReassignCaseCommand(CASE, W002.id(), "W002 病假", SUPERVISOR))
                .expectNoEvents()
                .expectException(matches(e -> e instanceof CommandRejectedException rejected
                        && rejected.reason() == Reason.INVALID_FIELD && rejected.field().equals("workerId")));
    }

    @Test
    void reassigningToAWorkerOfAnotherCellIsRefused() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(inProgress())
                .when(new ReassignCaseCommand(CASE, W009.id(), "W002 病假", SUPERVISOR))
                .expectNoEvents()
                .expectException(matches(e -> e instanceof CommandRejectedException rejected
                        && rejected.reason() == Reason.UNKNOWN_WORKER && rejected.field().equals("workerId")));
    }

    @Test
    void reassignmentNeedsAReason() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(inProgress())
                .when(new ReassignCaseCommand(CASE, W001.id(), null, SUPERVISOR))
                .expectNoEvents()
                .expectException(matches(e -> e instanceof CommandRejectedException rejected
                        && rejected.field().equals("reason")));
    }

    @Test
    void workerWhoLostTheCaseCannotAcceptIt() {
        cases.fixture.givenCurrentTime(NOW)
                .andGivenCommands(with(inProgress(), new ReassignCaseCommand(CASE, W001.id(), "W002 病假", SUPERVISOR)))
                .when(new AcceptCaseCommand(CASE, W002))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }

    @Test
    void supervisorParksACaseWithAReasonRememberingWhereItWas() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(inProgress())
                .when(new ParkCaseCommand(CASE, REASON, SUPERVISOR))
                .expectEvents(new CaseParkedEvent(CASE, REASON, CaseStatus.IN_PROGRESS, NOW));
    }

    @Test
    void parkingNeedsAReason() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(inProgress())
                .when(new ParkCaseCommand(CASE, " ", SUPERVISOR))
                .expectNoEvents()
                .expectException(matches(e -> e instanceof CommandRejectedException rejected
                        && rejected.field().equals("reason")));
    }

    @Test
    void gridWorkerCannotParkTheirCase() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(inProgress())
                .when(new ParkCaseCommand(CASE, REASON, W002))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }

    @Test
    void parkedCaseCannotBeResolved() {
        cases.fixture.givenCurrentTime(NOW)
                .andGivenCommands(with(inProgress(), new ParkCaseCommand(CASE, REASON, SUPERVISOR)))
                .when(resolve(W002))
                .expectNoEvents()
                .expectException(matches(e -> e instanceof IllegalTransitionException illegal
                        && illegal.current() == CaseStatus.PARKED && illegal.attempted() == CaseAction.RESOLVE));
    }

    @Test
    void unparkedCaseReturnsToWhereItWasWithAFreshClockOfThatStep() {
        var threeDaysLater = NOW.plus(Duration.ofDays(3));

        cases.fixture.givenCurrentTime(NOW)
                .andGivenCommands(with(inProgress(), new ParkCaseCommand(CASE, REASON, SUPERVISOR)))
                .andGivenCurrentTime(threeDaysLater)
                .when(new UnparkCaseCommand(CASE, "水务局已到场", SUPERVISOR))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        equalTo(new CaseUnparkedEvent(CASE, "水务局已到场", CaseStatus.IN_PROGRESS, threeDaysLater)),
                        clockStarted(CASE, DeadlineStep.HANDLE, threeDaysLater, MANHOLE.limits().handle()),
                        andNoMore())));
    }

    @Test
    void unparkedQueuedCaseWaitsForDispatchUnderAFreshDispatchClock() {
        cases.fixture.givenCurrentTime(NOW)
                .andGivenCommands(with(queued(), new ParkCaseCommand(CASE, REASON, SUPERVISOR)))
                .when(new UnparkCaseCommand(CASE, "水务局已到场", SUPERVISOR))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        equalTo(new CaseUnparkedEvent(CASE, "水务局已到场", CaseStatus.REGISTERED, NOW)),
                        clockStarted(CASE, DeadlineStep.DISPATCH, NOW, MANHOLE.limits().dispatch()),
                        andNoMore())));
    }

    @Test
    void supervisorEscalatesACaseWithAReason() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(inProgress())
                .when(new EscalateCaseCommand(CASE, "市民多次投诉", SUPERVISOR))
                .expectEvents(new CaseEscalatedEvent(CASE, null, "市民多次投诉", SUPERVISOR.id(), NOW));
    }

    @Test
    void escalationNeedsAReason() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(inProgress())
                .when(new EscalateCaseCommand(CASE, "", SUPERVISOR))
                .expectNoEvents()
                .expectException(matches(e -> e instanceof CommandRejectedException rejected
                        && rejected.field().equals("reason")));
    }

    @Test
    void riderCannotEscalate() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(inProgress())
                .when(new EscalateCaseCommand(CASE, "怎么还没修", REPORTER))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }

    @Test
    void supervisorVoidsACaseThatNeedsNoHandling() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(queued())
                .when(new VoidCaseCommand(CASE, "重复上报，现场无井盖缺失", SUPERVISOR))
                .expectEvents(new CaseVoidedEvent(CASE, "重复上报，现场无井盖缺失", SUPERVISOR.id(), NOW));
    }

    @Test
    void voidingNeedsAReason() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(queued())
                .when(new VoidCaseCommand(CASE, null, SUPERVISOR))
                .expectNoEvents()
                .expectException(matches(e -> e instanceof CommandRejectedException rejected
                        && rejected.field().equals("reason")));
    }

    @ParameterizedTest(name = "a voided case takes no {0}")
    @EnumSource(CaseAction.class)
    void voidedCaseTakesNoFurtherAction(CaseAction action) {
        cases.fixture.givenCurrentTime(NOW)
                .andGivenCommands(with(queued(), new VoidCaseCommand(CASE, "重复上报", SUPERVISOR)))
                .when(attempt(action))
                .expectNoEvents()
                .expectException(matches(e -> action == CaseAction.FOLLOW
                        // a voided case is off the public record: to a rider with no part in it, it does not exist
                        ? e instanceof NoSuchCaseException
                        : e instanceof IllegalTransitionException illegal
                                && illegal.current() == CaseStatus.VOIDED && illegal.attempted() == action));
    }

    /** A command for the action from someone who could otherwise take it. */
    private static Object attempt(CaseAction action) {
        return switch (action) {
            case DISPATCH -> new DispatchCaseCommand(CASE, W009.id(), SUPERVISOR);
            case REASSIGN -> new ReassignCaseCommand(CASE, W009.id(), REASON, SUPERVISOR);
            case ACCEPT -> new AcceptCaseCommand(CASE, W009);
            case START -> new StartWorkCommand(CASE, W009);
            case NOTE -> new NoteProgressCommand(CASE, REASON, List.of(), SUPERVISOR);
            case RESOLVE -> resolve(W009);
            case VERIFY -> new VerifyResolutionCommand(CASE, true, "修好了", List.of(), REPORTER);
            case PARK -> new ParkCaseCommand(CASE, REASON, SUPERVISOR);
            case UNPARK -> new UnparkCaseCommand(CASE, REASON, SUPERVISOR);
            case TRANSFER -> new TransferCaseCommand(CASE, STAFFED, REASON, SUPERVISOR);
            case ESCALATE -> new EscalateCaseCommand(CASE, REASON, SUPERVISOR);
            case REOPEN -> new ReopenCaseCommand(CASE, REASON, SUPERVISOR);
            case VOID -> new VoidCaseCommand(CASE, REASON, SUPERVISOR);
            case FOLLOW -> new FollowCaseCommand(CASE, OTHER_RIDER);
        };
    }
}
