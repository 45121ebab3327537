package city.gridwhistle.command.grid;

import city.gridwhistle.api.grid.AssignCellsCommand;
import city.gridwhistle.api.grid.EndDutyCommand;
import city.gridwhistle.api.grid.GridWorkerCellsAssignedEvent;
import city.gridwhistle.api.grid.EnrollGridWorkerCommand;
import city.gridwhistle.api.grid.GridWorkerEnrolledEvent;
import city.gridwhistle.api.grid.GridWorkerWentOffDutyEvent;
import city.gridwhistle.api.grid.GridWorkerWentOnDutyEvent;
import city.gridwhistle.api.grid.StartDutyCommand;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.NoSuchRecordException;
import city.gridwhistle.api.shared.NotPermittedException;
import city.gridwhistle.api.shared.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.command.routing.InMemoryGridDirectory;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GridWorkerTest {

    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");
    private static final GridWorkerEnrolledEvent ENROLLED =
            new GridWorkerEnrolledEvent("W001", "王建国", Set.of("51010400100101"));

    private static final Actor SELF = new Actor("W001", Role.GRID_WORKER);

    private AggregateTestFixture<GridWorker> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GridWorker.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new InMemoryGridDirectory()
                .square("51010400100101", new GeoPoint(30.609, 104.125))
                .square("51010400100102", new GeoPoint(30.609, 104.126))
                .square("51010400100103", new GeoPoint(30.609, 104.127)));
    }

    @Test
    void workerIsEnrolledForTheirCells() {
        fixture.givenNoPriorActivity()
                .when(new EnrollGridWorkerCommand("W001", "王建国", Set.of("51010400100101")))
                .expectEvents(ENROLLED);
    }

    @Test
    void workerCannotBeEnrolledWithoutACell() {
        fixture.givenNoPriorActivity()
                .when(new EnrollGridWorkerCommand("W001", "王建国", Set.of()))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void enrolledWorkerGoesOnDuty() {
        fixture.given(ENROLLED)
                .when(new StartDutyCommand("W001", SELF))
                .expectEvents(new GridWorkerWentOnDutyEvent("W001", NOW));
    }

    @Test
    void goingOnDutyTwiceRecordsItOnce() {
        fixture.given(ENROLLED, new GridWorkerWentOnDutyEvent("W001", NOW))
                .when(new StartDutyCommand("W001", SELF))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void workerOnDutyGoesOffDuty() {
        fixture.given(ENROLLED, new GridWorkerWentOnDutyEvent("W001", NOW))
                .when(new EndDutyCommand("W001", SELF))
                .expectEvents(new GridWorkerWentOffDutyEvent("W001", NOW));
    }

    @Test
    void supervisorPutsAWorkerOnDuty() {
        fixture.given(ENROLLED)
                .when(new StartDutyCommand("W001", new Actor("S001", Role.SUPERVISOR)))
                .expectEvents(new GridWorkerWentOnDutyEvent("W001", NOW));
    }

    @Test
    void anotherWorkerCannotChangeSomeoneElsesDutyNorLearnTheyExist() {
        fixture.given(ENROLLED)
                .when(new StartDutyCommand("W001", new Actor("W002", Role.GRID_WORKER)))
                .expectNoEvents()
                .expectException(NoSuchRecordException.class);
    }

    @Test
    void theSupervisorOfTheWorkersDistrictChangesTheirDuty() {
        fixture.given(ENROLLED, new GridWorkerWentOnDutyEvent("W001", NOW))
                .when(new EndDutyCommand("W001", new Actor("S-JJ", Role.SUPERVISOR, "510104")))
                .expectEvents(new GridWorkerWentOffDutyEvent("W001", NOW));
    }

    @Test
    void aSupervisorOfAnotherDistrictCannotTakeTheWorkerOffDutyNorLearnTheyExist() {
        fixture.given(ENROLLED, new GridWorkerWentOnDutyEvent("W001", NOW))
                .when(new EndDutyCommand("W001", new Actor("S-LQY", Role.SUPERVISOR, "510112")))
                .expectNoEvents()
                .expectException(NoSuchRecordException.class);
    }

    @Test
    void workerOffDutyGoingOffDutyRecordsNothing() {
        fixture.given(ENROLLED)
                .when(new EndDutyCommand("W001", SELF))
                .expectNoEvents();
    }

    private static final Actor ADMIN = new Actor("admin", Role.ADMIN);

    @Test
    void administratorAssignsAWorkerOtherCells() {
        fixture.given(ENROLLED)
                .when(new AssignCellsCommand("W001", Set.of("51010400100102", "51010400100103"), ADMIN))
                .expectEvents(new GridWorkerCellsAssignedEvent("W001", Set.of("51010400100102", "51010400100103"),
                        Set.of("51010400100101")));
    }

    @Test
    void assigningTheSameCellsAgainRecordsNothing() {
        fixture.given(ENROLLED, new GridWorkerCellsAssignedEvent("W001", Set.of("51010400100102"),
                        Set.of("51010400100101")))
                .when(new AssignCellsCommand("W001", Set.of("51010400100102"), ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cellsTheGridDoesNotHaveCannotBeAssigned() {
        fixture.given(ENROLLED)
                .when(new AssignCellsCommand("W001", Set.of("51010400100102", "51019999999999"), ADMIN))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("the grid has no cell 51019999999999");
    }

    @Test
    void aWorkerCannotBeLeftWithoutACell() {
        fixture.given(ENROLLED)
                .when(new AssignCellsCommand("W001", Set.of(), ADMIN))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void onlyAdministratorsAssignCells() {
        fixture.given(ENROLLED)
                .when(new AssignCellsCommand("W001", Set.of("51010400100102"), new Actor("S001", Role.SUPERVISOR)))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }

    @Test
    void administratorPutsAWorkerOnDuty() {
        fixture.given(ENROLLED)
                .when(new StartDutyCommand("W001", ADMIN))
                .expectEvents(new GridWorkerWentOnDutyEvent("W001", NOW));
    }

    @Test
    void theSameEnrolmentAgainRecordsNothing() {
        fixture.given(ENROLLED)
                .when(new EnrollGridWorkerCommand("W001", "王建国", Set.of("51010400100101")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherWorkerCannotBeEnrolledUnderATakenId() {
        fixture.given(ENROLLED)
                .when(new EnrollGridWorkerCommand("W001", "李四", Set.of("51010400100102")))
                .expectNoEvents()
                .expectException(AggregateStreamCreationException.class);
    }
}
