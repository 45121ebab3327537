package city.gridwhistle.command.casefile;

import static city.gridwhistle.command.casefile.CaseFixtures.IN_STAFFED_CELL;
import static city.gridwhistle.command.casefile.CaseFixtures.MANHOLE;
import static city.gridwhistle.command.casefile.CaseFixtures.NOW;
import static city.gridwhistle.command.casefile.CaseFixtures.STAFFED;
import static city.gridwhistle.command.casefile.CaseFixtures.clockStarted;
import static city.gridwhistle.command.casefile.CaseHistories.AFTER_PHOTO;
import static city.gridwhistle.command.casefile.CaseHistories.CASE;
import static city.gridwhistle.command.casefile.CaseHistories.OTHER_RIDER;
import static city.gridwhistle.command.casefile.CaseHistories.REPORTER;
import static city.gridwhistle.command.casefile.CaseHistories.SUPERVISOR;
import static city.gridwhistle.command.casefile.CaseHistories.W001;
import static city.gridwhistle.command.casefile.CaseHistories.W002;
import static city.gridwhistle.command.casefile.CaseHistories.closed;
import static city.gridwhistle.command.casefile.CaseHistories.dispatched;
import static city.gridwhistle.command.casefile.CaseHistories.inProgress;
import static city.gridwhistle.command.casefile.CaseHistories.resolve;
import static city.gridwhistle.command.casefile.CaseHistories.resolved;
import static city.gridwhistle.command.casefile.CaseHistories.with;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.equalTo;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import city.gridwhistle.api.casework.AcceptCaseCommand;
import city.gridwhistle.api.casework.CaseAction;
import city.gridwhistle.api.casework.CaseClosedEvent;
import city.gridwhistle.api.casework.CaseDispatchedEvent;
import city.gridwhistle.api.casework.CaseReopenedEvent;
import city.gridwhistle.api.casework.CaseResolvedEvent;
import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.casework.CaseVerificationFailedEvent;
import city.gridwhistle.api.casework.CaseVerifiedEvent;
import city.gridwhistle.api.casework.CaseWorkStartedEvent;
import city.gridwhistle.api.casework.DeadlineStep;
import city.gridwhistle.api.casework.FollowCaseCommand;
import city.gridwhistle.api.casework.IllegalTransitionException;
import city.gridwhistle.api.casework.ReopenCaseCommand;
import city.gridwhistle.api.casework.StartWorkCommand;
import city.gridwhistle.api.casework.VerifyResolutionCommand;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.NotPermittedException;
import city.gridwhistle.api.shared.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Finder ≠ fixer ≠ verifier: who may check a resolution, what passing and failing it do, and reopening. */
class CaseVerificationTest {

    private static final String NOT_FIXED = "井盖还是没盖上";

    private final CaseFixtures cases = new CaseFixtures();

    @Test
    void workerCannotVerifyOwnResolution() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(resolved())
                .when(fixed(W002))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }

    @Test
    void reportingRiderConfirmsTheFixAndTheCaseClosesNamingWhoReportedAndWhoHandledIt() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(resolved())
                .when(fixed(REPORTER))
                .expectEvents(
                        new CaseVerifiedEvent(CASE, REPORTER.id(), Role.RIDER, "修好了", List.of(), NOW),
                        new CaseClosedEvent(CASE, REPORTER.id(), Set.of(), W002.id(), NOW));
    }

    @Test
    void riderWhoCorroboratedTheCaseMayConfirmTheFixAndIsNamedOnClosing() {
        var given = cases.fixture.givenCurrentTime(NOW).andGivenCommands(dispatched());
        cases.openCases.open(CASE, MANHOLE.code(), IN_STAFFED_CELL);

        given.andGivenCommands(ReportIntakeTest.report("case-9", OTHER_RIDER.id(), IN_STAFFED_CELL, "这里井盖没了",
                        List.of()), new AcceptCaseCommand(CASE, W002), resolve(W002))
                .when(fixed(OTHER_RIDER))
                .expectEvents(
                        new CaseVerifiedEvent(CASE, OTHER_RIDER.id(), Role.RIDER, "修好了", List.of(), NOW),
                        new CaseClosedEvent(CASE, REPORTER.id(), Set.of(OTHER_RIDER.id()), W002.id(), NOW));
    }

    @Test
    void riderWhoOnlyFollowsTheCaseCannotVerifyIt() {
        cases.fixture.givenCurrentTime(NOW)
                .andGivenCommands(with(inProgress(), new FollowCaseCommand(CASE, OTHER_RIDER), resolve(W002)))
                .when(fixed(OTHER_RIDER))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }

    @Test
    void anotherWorkerMayVerifyTheResolution() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(resolved())
                .when(fixed(W001))
                .expectEvents(
                        new CaseVerifiedEvent(CASE, W001.id(), Role.GRID_WORKER, "修好了", List.of(), NOW),
                        new CaseClosedEvent(CASE, REPORTER.id(), Set.of(), W002.id(), NOW));
    }

    @Test
    void supervisorMayVerifyTheResolution() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(resolved())
                .when(fixed(SUPERVISOR))
                .expectEvents(
                        new CaseVerifiedEvent(CASE, SUPERVISOR.id(), Role.SUPERVISOR, "修好了", List.of(), NOW),
                        new CaseClosedEvent(CASE, REPORTER.id(), Set.of(), W002.id(), NOW));
    }

    @Test
    void failedVerificationSendsTheCaseBackToItsHandlerForReworkUnderAFreshHandleClock() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(resolved())
                .when(notFixed(REPORTER))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        equalTo(new CaseVerificationFailedEvent(CASE, REPORTER.id(), Role.RIDER, W002.id(), NOT_FIXED,
                                List.of(), 1, NOW)),
                        clockStarted(CASE, DeadlineStep.HANDLE, NOW, MANHOLE.limits().handle()),
                        andNoMore())));
    }

    @Test
    void failedVerificationNeedsANoteSayingWhatIsWrong() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(resolved())
                .when(new VerifyResolutionCommand(CASE, false, " ", List.of(), REPORTER))
                .expectNoEvents()
                .expectException(matches(e -> e instanceof CommandRejectedException rejected
                        && rejected.field().equals("note")));
    }

    @Test
    void caseInReworkCannotBeVerifiedBeforeItIsResolvedAgain() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(with(resolved(), notFixed(REPORTER)))
                .when(fixed(W001))
                .expectNoEvents()
                .expectException(matches(e -> e instanceof IllegalTransitionException illegal
                        && illegal.current() == CaseStatus.REWORK && illegal.attempted() == CaseAction.VERIFY));
    }

    @Test
    void handlerResolvesTheReworkedCaseAgainUnderAFreshVerifyClock() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(with(resolved(), notFixed(REPORTER)))
                .when(resolve(W002))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        equalTo(new CaseResolvedEvent(CASE, W002.id(), "已补齐井盖", List.of(AFTER_PHOTO), NOW)),
                        clockStarted(CASE, DeadlineStep.VERIFY, NOW, MANHOLE.limits().verify()),
                        andNoMore())));
    }

    @Test
    void everyFailedVerificationCountsAnotherRework() {
        cases.fixture.givenCurrentTime(NOW)
                .andGivenCommands(with(resolved(), notFixed(REPORTER), resolve(W002)))
                .when(notFixed(W001))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        equalTo(new CaseVerificationFailedEvent(CASE, W001.id(), Role.GRID_WORKER, W002.id(),
                                NOT_FIXED, List.of(), 2, NOW)),
                        clockStarted(CASE, DeadlineStep.HANDLE, NOW, MANHOLE.limits().handle()),
                        andNoMore())));
    }

    @Test
    void supervisorReopensAClosedCaseWhichIsRoutedAgainInItsCell() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(closed())
                .when(new ReopenCaseCommand(CASE, "井盖又丢了", SUPERVISOR))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        equalTo(new CaseReopenedEvent(CASE, "井盖又丢了", NOW)),
                        equalTo(new CaseDispatchedEvent(CASE, STAFFED, W002.id(), NOW)),
                        clockStarted(CASE, DeadlineStep.ACCEPT, NOW, MANHOLE.limits().accept()),
                        andNoMore())));
    }

    @Test
    void reopeningNeedsAReason() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(closed())
                .when(new ReopenCaseCommand(CASE, "", SUPERVISOR))
                .expectNoEvents()
                .expectException(matches(e -> e instanceof CommandRejectedException rejected
                        && rejected.field().equals("reason")));
    }

    @Test
    void caseAwaitingVerificationCannotBeReopened() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(resolved())
                .when(new ReopenCaseCommand(CASE, "井盖又丢了", SUPERVISOR))
                .expectNoEvents()
                .expectException(matches(e -> e instanceof IllegalTransitionException illegal
                        && illegal.current() == CaseStatus.RESOLVED && illegal.attempted() == CaseAction.REOPEN));
    }

    @Test
    void reopenedCaseIsWorkedOnSiteAfresh() {
        cases.fixture.givenCurrentTime(NOW)
                .andGivenCommands(with(inProgress(), new StartWorkCommand(CASE, W002), resolve(W002), fixed(REPORTER),
                        new ReopenCaseCommand(CASE, "井盖又丢了", SUPERVISOR), new AcceptCaseCommand(CASE, W002)))
                .when(new StartWorkCommand(CASE, W002))
                .expectEvents(new CaseWorkStartedEvent(CASE, W002.id(), NOW));
    }

    private static VerifyResolutionCommand fixed(Actor verifier) {
        return new VerifyResolutionCommand(CASE, true, "修好了", List.of(), verifier);
    }

    private static VerifyResolutionCommand notFixed(Actor verifier) {
        return new VerifyResolutionCommand(CASE, false, NOT_FIXED, List.of(), verifier);
    }
}
