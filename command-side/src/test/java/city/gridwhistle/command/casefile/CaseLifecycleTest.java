package city.gridwhistle.command.casefile;

import static city.gridwhistle.command.casefile.CaseFixtures.EMPTY;
import static city.gridwhistle.command.casefile.CaseFixtures.MANHOLE;
import static city.gridwhistle.command.casefile.CaseFixtures.NOW;
import static city.gridwhistle.command.casefile.CaseFixtures.clockStarted;
import static city.gridwhistle.command.casefile.CaseHistories.AFTER_PHOTO;
import static city.gridwhistle.command.casefile.CaseHistories.CASE;
import static city.gridwhistle.command.casefile.CaseHistories.SUPERVISOR;
import static city.gridwhistle.command.casefile.CaseHistories.W001;
import static city.gridwhistle.command.casefile.CaseHistories.W002;
import static city.gridwhistle.command.casefile.CaseHistories.W009;
import static city.gridwhistle.command.casefile.CaseHistories.dispatched;
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
import city.gridwhistle.api.casework.CaseAcceptedEvent;
import city.gridwhistle.api.casework.CaseAction;
import city.gridwhistle.api.casework.CaseDispatchedEvent;
import city.gridwhistle.api.casework.CaseProgressNotedEvent;
import city.gridwhistle.api.casework.CaseResolvedEvent;
import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.casework.CaseWorkStartedEvent;
import city.gridwhistle.api.casework.DeadlineStep;
import city.gridwhistle.api.casework.DispatchCaseCommand;
import city.gridwhistle.api.casework.IllegalTransitionException;
import city.gridwhistle.api.casework.NoteProgressCommand;
import city.gridwhistle.api.casework.ResolveCaseCommand;
import city.gridwhistle.api.casework.StartWorkCommand;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.CommandRejectedException.Reason;
import city.gridwhistle.api.shared.NotPermittedException;
import city.gridwhistle.api.shared.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loop from the supervisors' queue to a resolution: dispatch, accept, work on site, note, resolve. */
class CaseLifecycleTest {

    private final CaseFixtures cases = new CaseFixtures();

    @Test
    void supervisorDispatchesAQueuedCaseToAWorkerOfItsCellEvenOffDutyAndStartsTheAcceptClock() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(queued())
                .when(new DispatchCaseCommand(CASE, W009.id(), SUPERVISOR))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        equalTo(new CaseDispatchedEvent(CASE, EMPTY, W009.id(), NOW)),
                        clockStarted(CASE, DeadlineStep.ACCEPT, NOW, MANHOLE.limits().accept()),
                        andNoMore())));
    }

    @Test
    void dispatchToAWorkerWhoIsNotOfTheCaseCellIsRefused() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(queued())
                .when(new DispatchCaseCommand(CASE, W001.id(), SUPERVISOR))
                .expectNoEvents()
                .expectException(matches(e -> e instanceof CommandRejectedException rejected
                        && rejected.reason() == Reason.UNKNOWN_WORKER && rejected.field().equals("workerId")));
    }

    @Test
    void gridWorkerCannotDispatch() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(queued())
                .when(new DispatchCaseCommand(CASE, W009.id(), W009))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }

    @Test
    void assignedWorkerAcceptsTheCaseAndStartsTheHandleClock() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(dispatched())
                .when(new AcceptCaseCommand(CASE, W002))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        equalTo(new CaseAcceptedEvent(CASE, W002.id(), NOW)),
                        clockStarted(CASE, DeadlineStep.HANDLE, NOW, MANHOLE.limits().handle()),
                        andNoMore())));
    }

    @Test
    void workerCannotAcceptACaseAssignedToAnother() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(dispatched())
                .when(new AcceptCaseCommand(CASE, W001))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }

    @Test
    void caseInProgressCannotBeAcceptedAgain() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(inProgress())
                .when(new AcceptCaseCommand(CASE, W002))
                .expectNoEvents()
                .expectException(matches(e -> e instanceof IllegalTransitionException illegal
                        && illegal.current() == CaseStatus.IN_PROGRESS && illegal.attempted() == CaseAction.ACCEPT));
    }

    @Test
    void assignedWorkerStartsWorkOnSite() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(inProgress())
                .when(new StartWorkCommand(CASE, W002))
                .expectEvents(new CaseWorkStartedEvent(CASE, W002.id(), NOW));
    }

    @Test
    void startingWorkOnSiteASecondTimeRecordsNothing() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(with(inProgress(), new StartWorkCommand(CASE, W002)))
                .when(new StartWorkCommand(CASE, W002))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void workCannotStartOnSiteBeforeTheCaseIsAccepted() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(dispatched())
                .when(new StartWorkCommand(CASE, W002))
                .expectNoEvents()
                .expectException(matches(e -> e instanceof IllegalTransitionException illegal
                        && illegal.current() == CaseStatus.DISPATCHED && illegal.attempted() == CaseAction.START));
    }

    @Test
    void assignedWorkerNotesProgressWithPhotos() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(inProgress())
                .when(new NoteProgressCommand(CASE, "已设置围挡", List.of(AFTER_PHOTO), W002))
                .expectEvents(new CaseProgressNotedEvent(CASE, W002.id(), Role.GRID_WORKER, "已设置围挡",
                        List.of(AFTER_PHOTO), NOW));
    }

    @Test
    void progressNoteWithoutTextIsRefused() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(inProgress())
                .when(new NoteProgressCommand(CASE, "  ", List.of(AFTER_PHOTO), W002))
                .expectNoEvents()
                .expectException(matches(e -> e instanceof CommandRejectedException rejected
                        && rejected.field().equals("note")));
    }

    @Test
    void workerCannotNoteProgressOnACaseNotTheirs() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(inProgress())
                .when(new NoteProgressCommand(CASE, "路过看了一下", List.of(), W001))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }

    @Test
    void supervisorMayNoteProgressOnTheCase() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(inProgress())
                .when(new NoteProgressCommand(CASE, "已联系水务局", List.of(), SUPERVISOR))
                .expectEvents(new CaseProgressNotedEvent(CASE, SUPERVISOR.id(), Role.SUPERVISOR, "已联系水务局",
                        List.of(), NOW));
    }

    @Test
    void assignedWorkerResolvesWithAnAfterPhotoAndStartsTheVerifyClock() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(inProgress())
                .when(resolve(W002))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        equalTo(new CaseResolvedEvent(CASE, W002.id(), "已补齐井盖", List.of(AFTER_PHOTO), NOW)),
                        clockStarted(CASE, DeadlineStep.VERIFY, NOW, MANHOLE.limits().verify()),
                        andNoMore())));
    }

    @Test
    void resolutionWithoutAnAfterPhotoIsRefused() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(inProgress())
                .when(new ResolveCaseCommand(CASE, "已补齐井盖", List.of(), W002))
                .expectNoEvents()
                .expectException(matches(e -> e instanceof CommandRejectedException rejected
                        && rejected.field().equals("photos")));
    }

    @Test
    void workerCannotResolveACaseNotTheirs() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(inProgress())
                .when(resolve(W001))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }
}
