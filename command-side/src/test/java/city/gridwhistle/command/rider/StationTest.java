package city.gridwhistle.command.rider;

import city.gridwhistle.api.rider.CloseStationCommand;
import city.gridwhistle.api.rider.RegisterStationCommand;
import city.gridwhistle.api.rider.ReopenStationCommand;
import city.gridwhistle.api.rider.StationClosedEvent;
import city.gridwhistle.api.rider.StationDetailsUpdatedEvent;
import city.gridwhistle.api.rider.StationRegisteredEvent;
import city.gridwhistle.api.rider.StationReopenedEvent;
import city.gridwhistle.api.rider.UpdateStationDetailsCommand;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.api.shared.NotPermittedException;
import city.gridwhistle.api.shared.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StationTest {

    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");
    private static final Actor ADMIN = new Actor("A001", Role.ADMIN);
    private static final GeoPoint WHERE = new GeoPoint(30.611073, 104.127363);
    private static final LocalTime SIX_PM = LocalTime.of(18, 0);
    private static final LocalTime TWO_AM = LocalTime.of(2, 0);

    private static final StationRegisteredEvent REGISTERED = new StationRegisteredEvent("S901", "粮丰社区暖新驿站",
            "粮丰社区党群服务中心一楼", WHERE, Set.of("CHARGING", "HOT_WATER"), SIX_PM, TWO_AM, "粮丰社区");
    private static final StationClosedEvent CLOSED = new StationClosedEvent("S901", "停电检修", NOW);

    private AggregateTestFixture<Station> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Station.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void administratorRegistersAStation() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStationCommand("S901", " 粮丰社区暖新驿站 ", "粮丰社区党群服务中心一楼", WHERE,
                        Set.of("CHARGING", "HOT_WATER"), SIX_PM, TWO_AM, "粮丰社区", ADMIN))
                .expectEvents(REGISTERED);
    }

    @Test
    void theSystemRegistersTheDemoStations() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStationCommand("S901", "粮丰社区暖新驿站", "粮丰社区党群服务中心一楼", WHERE,
                        Set.of("CHARGING", "HOT_WATER"), SIX_PM, TWO_AM, "粮丰社区", Actor.SYSTEM))
                .expectEvents(REGISTERED);
    }

    @Test
    void registeringTheSameStationAgainRecordsNothing() {
        fixture.given(REGISTERED)
                .when(new RegisterStationCommand("S901", "粮丰社区暖新驿站", "粮丰社区党群服务中心一楼", WHERE,
                        Set.of("CHARGING", "HOT_WATER"), SIX_PM, TWO_AM, "粮丰社区", Actor.SYSTEM))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherStationCannotTakeARegisteredId() {
        fixture.given(REGISTERED)
                .when(new RegisterStationCommand("S901", "另一个驿站", null, WHERE, Set.of(), SIX_PM, TWO_AM, null, ADMIN))
                .expectNoEvents()
                .expectException(AggregateStreamCreationException.class);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"RIDER", "GRID_WORKER", "SUPERVISOR", "PARTNER"})
    void onlyAnAdministratorRegistersAStation(Role role) {
        fixture.givenNoPriorActivity()
                .when(new RegisterStationCommand("S901", "驿站", null, WHERE, Set.of(), SIX_PM, TWO_AM, null,
                        new Actor("X1", role)))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }

    @Test
    void stationCannotBeRegisteredWithoutAnActor() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStationCommand("S901", "驿站", null, WHERE, Set.of(), SIX_PM, TWO_AM, null, null))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }

    @Test
    void stationNeedsAName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStationCommand("S901", " ", null, WHERE, Set.of(), SIX_PM, TWO_AM, null, ADMIN))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("a station needs a name");
    }

    @Test
    void stationNeedsALocation() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStationCommand("S901", "驿站", null, null, Set.of(), SIX_PM, TWO_AM, null, ADMIN))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("a station needs a location");
    }

    @Test
    void stationNeedsOpeningHours() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStationCommand("S901", "驿站", null, WHERE, Set.of(), null, TWO_AM, null, ADMIN))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void servicesAreUpperCaseCodes() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStationCommand("S901", "驿站", null, WHERE, Set.of("hot water"), SIX_PM, TWO_AM,
                        null, ADMIN))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void administratorUpdatesTheDetails() {
        fixture.given(REGISTERED)
                .when(new UpdateStationDetailsCommand("S901", "粮丰暖新驿站", "成龙大道二段1号", WHERE,
                        Set.of("CHARGING", "TOILET"), LocalTime.of(8, 0), LocalTime.of(22, 0), "锦江区总工会", ADMIN))
                .expectEvents(new StationDetailsUpdatedEvent("S901", "粮丰暖新驿站", "成龙大道二段1号", WHERE,
                        Set.of("CHARGING", "TOILET"), LocalTime.of(8, 0), LocalTime.of(22, 0), "锦江区总工会"));
    }

    @Test
    void updatingToTheSameDetailsRecordsNothing() {
        fixture.given(REGISTERED)
                .when(new UpdateStationDetailsCommand("S901", "粮丰社区暖新驿站", "粮丰社区党群服务中心一楼", WHERE,
                        Set.of("HOT_WATER", "CHARGING"), SIX_PM, TWO_AM, "粮丰社区", ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onlyAnAdministratorUpdatesTheDetails() {
        fixture.given(REGISTERED)
                .when(new UpdateStationDetailsCommand("S901", "改名", null, WHERE, Set.of(), SIX_PM, TWO_AM, null,
                        new Actor("S001", Role.SUPERVISOR)))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }

    @Test
    void updatedDetailsAreValidatedLikeNewOnes() {
        fixture.given(REGISTERED)
                .when(new UpdateStationDetailsCommand("S901", "", null, WHERE, Set.of(), SIX_PM, TWO_AM, null, ADMIN))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void administratorClosesAStationWithAReason() {
        fixture.given(REGISTERED)
                .when(new CloseStationCommand("S901", " 停电检修 ", ADMIN))
                .expectEvents(CLOSED);
    }

    @Test
    void closingNeedsAReason() {
        fixture.given(REGISTERED)
                .when(new CloseStationCommand("S901", null, ADMIN))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void onlyAnAdministratorClosesAStation() {
        fixture.given(REGISTERED)
                .when(new CloseStationCommand("S901", "停电检修", new Actor("R001", Role.RIDER)))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }

    @Test
    void closingAClosedStationRecordsNothing() {
        fixture.given(REGISTERED, CLOSED)
                .when(new CloseStationCommand("S901", "还在检修", ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void administratorReopensAClosedStation() {
        fixture.given(REGISTERED, CLOSED)
                .when(new ReopenStationCommand("S901", ADMIN))
                .expectEvents(new StationReopenedEvent("S901", NOW));
    }

    @Test
    void reopeningAnOpenStationRecordsNothing() {
        fixture.given(REGISTERED)
                .when(new ReopenStationCommand("S901", ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onlyAnAdministratorReopensAStation() {
        fixture.given(REGISTERED, CLOSED)
                .when(new ReopenStationCommand("S901", new Actor("W001", Role.GRID_WORKER)))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }

    @Test
    void aClosedStationCanStillBeUpdatedAndStaysClosed() {
        fixture.given(REGISTERED, CLOSED)
                .when(new UpdateStationDetailsCommand("S901", "粮丰社区暖新驿站", "粮丰社区党群服务中心一楼", WHERE,
                        Set.of("CHARGING"), SIX_PM, TWO_AM, "粮丰社区", ADMIN))
                .expectEvents(new StationDetailsUpdatedEvent("S901", "粮丰社区暖新驿站", "粮丰社区党群服务中心一楼", WHERE,
                        Set.of("CHARGING"), SIX_PM, TWO_AM, "粮丰社区"))
                .expectState(station -> org.assertj.core.api.Assertions.assertThat(station).extracting("closed")
                        .isEqualTo(true));
    }
}
