package city.gridwhistle.command.casefile;

import static city.gridwhistle.command.casefile.CaseFixtures.EMPTY;
import static city.gridwhistle.command.casefile.CaseFixtures.MANHOLE;
import static city.gridwhistle.command.casefile.CaseFixtures.NOW;
import static city.gridwhistle.command.casefile.CaseFixtures.STAFFED;
import static city.gridwhistle.command.casefile.CaseFixtures.clockStarted;
import static city.gridwhistle.command.casefile.CaseHistories.CASE;
import static city.gridwhistle.command.casefile.CaseHistories.SUPERVISOR;
import static city.gridwhistle.command.casefile.CaseHistories.W001;
import static city.gridwhistle.command.casefile.CaseHistories.W002;
import static city.gridwhistle.command.casefile.CaseHistories.W009;
import static city.gridwhistle.command.casefile.CaseHistories.dispatched;
import static city.gridwhistle.command.casefile.CaseHistories.queued;
import static city.gridwhistle.command.casefile.CaseHistories.with;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.equalTo;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import city.gridwhistle.api.casework.CaseDispatchedEvent;
import city.gridwhistle.api.casework.CaseQueuedForSupervisorEvent;
import city.gridwhistle.api.casework.CaseTransferredEvent;
import city.gridwhistle.api.casework.DeadlineStep;
import city.gridwhistle.api.casework.DispatchCaseCommand;
import city.gridwhistle.api.casework.TransferCaseCommand;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.CommandRejectedException.Reason;
import city.gridwhistle.api.shared.NotPermittedException;
import org.junit.jupiter.api.Test;

/** A misrouted case moves to the cell it belongs to, with a reason, and is routed there: a state change, not an error. */
class CaseTransferTest {

    private static final String NEXT_DOOR = "井盖在隔壁网格";

    private final CaseFixtures cases = new CaseFixtures();

    @Test
    void assignedWorkerTransfersAMisroutedCaseWhichWaitsForASupervisorInACellWithNobodyOnDuty() {
        var emptyCell = cases.grid.cell(EMPTY).orElseThrow();

        cases.fixture.givenCurrentTime(NOW).andGivenCommands(dispatched())
                .when(new TransferCaseCommand(CASE, EMPTY, NEXT_DOOR, W002))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        equalTo(new CaseTransferredEvent(CASE, STAFFED, emptyCell, NEXT_DOOR, W002.id(), NOW)),
                        equalTo(new CaseQueuedForSupervisorEvent(CASE, EMPTY, "no grid worker on duty in the cell", NOW)),
                        clockStarted(CASE, DeadlineStep.DISPATCH, NOW, MANHOLE.limits().dispatch()),
                        andNoMore())));
    }

    @Test
    void supervisorTransfersAQueuedCaseToAStaffedCellWhereItIsDispatched() {
        var staffedCell = cases.grid.cell(STAFFED).orElseThrow();

        cases.fixture.givenCurrentTime(NOW).andGivenCommands(queued())
                .when(new TransferCaseCommand(CASE, STAFFED, NEXT_DOOR, SUPERVISOR))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        equalTo(new CaseTransferredEvent(CASE, EMPTY, staffedCell, NEXT_DOOR, SUPERVISOR.id(), NOW)),
                        equalTo(new CaseDispatchedEvent(CASE, STAFFED, W002.id(), NOW)),
                        clockStarted(CASE, DeadlineStep.ACCEPT, NOW, MANHOLE.limits().accept()),
                        andNoMore())));
    }

    @Test
    void caseTransferredIntoTheSupervisorsQueueCanBeDispatchedThere() {
        cases.fixture.givenCurrentTime(NOW)
                .andGivenCommands(with(dispatched(), new TransferCaseCommand(CASE, EMPTY, NEXT_DOOR, W002)))
                .when(new DispatchCaseCommand(CASE, W009.id(), SUPERVISOR))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        equalTo(new CaseDispatchedEvent(CASE, EMPTY, W009.id(), NOW)),
                        clockStarted(CASE, DeadlineStep.ACCEPT, NOW, MANHOLE.limits().accept()),
                        andNoMore())));
    }

    @Test
    void transferToAnUnknownCellIsRefused() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(dispatched())
                .when(new TransferCaseCommand(CASE, "51010400100199", NEXT_DOOR, W002))
                .expectNoEvents()
                .expectException(matches(e -> e instanceof CommandRejectedException rejected
                        && rejected.reason() == Reason.UNKNOWN_CELL && rejected.field().equals("toCellCode")));
    }

    @Test
    void transferToTheCellTheCaseIsAlreadyInIsRefused() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(dispatched())
                .when(new TransferCaseCommand(CASE, STAFFED, NEXT_DOOR, W002))
                .expectNoEvents()
                .expectException(matches(e -> e instanceof CommandRejectedException rejected
                        && rejected.reason() == Reason.INVALID_FIELD && rejected.field().equals("toCellCode")));
    }

    @Test
    void transferNeedsAReason() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(dispatched())
                .when(new TransferCaseCommand(CASE, EMPTY, " ", W002))
                .expectNoEvents()
                .expectException(matches(e -> e instanceof CommandRejectedException rejected
                        && rejected.field().equals("reason")));
    }

    @Test
    void workerCannotTransferACaseNotTheirs() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(dispatched())
                .when(new TransferCaseCommand(CASE, EMPTY, NEXT_DOOR, W001))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }
}
