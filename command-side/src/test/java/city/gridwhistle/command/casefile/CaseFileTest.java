package city.gridwhistle.command.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.api.casework.CaseDispatchedEvent;
import city.gridwhistle.api.casework.CaseQueuedForSupervisorEvent;
import city.gridwhistle.api.casework.CaseRegisteredEvent;
import city.gridwhistle.api.intake.FileReportCommand;
import city.gridwhistle.api.intake.ReportFiledEvent;
import city.gridwhistle.api.intake.ReportReceipt;
import city.gridwhistle.api.shared.CategoryFamily;
import city.gridwhistle.api.shared.CategoryRules;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.api.shared.LimitUnit;
import city.gridwhistle.api.shared.PhotoRef;
import city.gridwhistle.api.shared.TimeLimit;
import city.gridwhistle.api.shared.TimeLimits;
import city.gridwhistle.api.shared.Urgency;
import city.gridwhistle.command.routing.InMemoryGridDirectory;
import city.gridwhistle.command.routing.RoutingPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaseFileTest {

    private static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");
    private static final GeoPoint SW = new GeoPoint(30.6090, 104.1250);
    private static final GeoPoint IN_STAFFED_CELL = new GeoPoint(SW.lat() + 0.0004, SW.lon() + 0.0004);
    private static final GeoPoint IN_EMPTY_CELL = new GeoPoint(SW.lat() + 0.0004, SW.lon() + 0.0015);
    private static final String STAFFED = "51010400100101";
    private static final String EMPTY = "51010400100102";
    private static final CategoryRules MANHOLE = new CategoryRules("C0101", CategoryFamily.COMPONENT, "01", "公用设施",
            "Public utilities", "01", "上水井盖", "Water manhole cover", Urgency.URGENT,
            new TimeLimits(new TimeLimit(10, LimitUnit.MINUTES), new TimeLimit(30, LimitUnit.MINUTES),
                    new TimeLimit(2, LimitUnit.URGENT_HOURS), new TimeLimit(1, LimitUnit.URGENT_HOURS)),
            20, "井盖缺失", "井盖已补齐", "区水务局");

    private AggregateTestFixture<CaseFile> fixture;
    private InMemoryGridDirectory grid;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseFile.class);
        grid = new InMemoryGridDirectory()
                .square(STAFFED, SW)
                .square(EMPTY, new GeoPoint(SW.lat(), SW.lon() + 0.001044))
                .onDuty(STAFFED, "W001", 4)
                .onDuty(STAFFED, "W002", 1);
        Map<String, CategoryRules> catalog = Map.of(MANHOLE.code(), MANHOLE);
        fixture.registerAnnotatedCommandHandler(new ReportIntake(fixture.getRepository(),
                code -> Optional.ofNullable(catalog.get(code)), new RoutingPolicy(grid),
                Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @Test
    void reportInAStaffedCellIsFiledRegisteredAndDispatchedToTheLeastLoadedWorker() {
        var cell = grid.cellsAround(IN_STAFFED_CELL).getFirst().cell();
        var photo = new PhotoRef("ab".repeat(32), "image/jpeg", 1234);

        fixture.givenNoPriorActivity()
                .when(report("case-1", IN_STAFFED_CELL, "井盖缺失，电动车差点掉进去", List.of(photo)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new ReportFiledEvent("case-1", "report-1", "R001", "C0101", IN_STAFFED_CELL, "成龙大道二段",
                                "井盖缺失，电动车差点掉进去", List.of(photo), NOW.minusSeconds(30), NOW),
                        new CaseRegisteredEvent("case-1", MANHOLE, cell, NOW),
                        new CaseDispatchedEvent("case-1", STAFFED, "W002", NOW))
                .expectResultMessagePayload(new ReportReceipt("case-1", STAFFED, cell.cellName(), "W002", false));
    }

    @Test
    void reportInACellWithNobodyOnDutyWaitsInTheSupervisorQueue() {
        var cell = grid.cellsAround(IN_EMPTY_CELL).getFirst().cell();

        fixture.givenNoPriorActivity()
                .when(report("case-2", IN_EMPTY_CELL, "井盖缺失", List.of()))
                .expectEvents(
                        new ReportFiledEvent("case-2", "report-1", "R001", "C0101", IN_EMPTY_CELL, "成龙大道二段",
                                "井盖缺失", List.of(), NOW.minusSeconds(30), NOW),
                        new CaseRegisteredEvent("case-2", MANHOLE, cell, NOW),
                        new CaseQueuedForSupervisorEvent("case-2", EMPTY, "no grid worker on duty in the cell", NOW))
                .expectResultMessagePayload(new ReportReceipt("case-2", EMPTY, cell.cellName(), null, true));
    }

    @Test
    void reportUnderAnUnknownCategoryIsRejectedAndRecordsNothing() {
        fixture.givenNoPriorActivity()
                .when(new FileReportCommand("case-4", "report-1", "R001", "X9999", IN_STAFFED_CELL, null, "井盖缺失",
                        List.of(), null))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectException(org.axonframework.test.matchers.Matchers.matches(
                        e -> e instanceof CommandRejectedException rejected && rejected.field().equals("categoryCode")
                                && rejected.reason() == CommandRejectedException.Reason.UNKNOWN_CATEGORY));
    }

    @Test
    void reportOutsideEveryGridCellIsRejectedAndRecordsNothing() {
        fixture.givenNoPriorActivity()
                .when(report("case-5", new GeoPoint(31.2, 121.5), "井盖缺失", List.of()))
                .expectNoEvents()
                .expectException(org.axonframework.test.matchers.Matchers.matches(
                        e -> e instanceof CommandRejectedException rejected && rejected.field().equals("location")
                                && rejected.reason() == CommandRejectedException.Reason.OUTSIDE_GRID));
    }

    @Test
    void reportWithoutADescriptionIsRejected() {
        fixture.givenNoPriorActivity()
                .when(report("case-6", IN_STAFFED_CELL, "   ", List.of()))
                .expectNoEvents()
                .expectException(org.axonframework.test.matchers.Matchers.matches(
                        e -> e instanceof CommandRejectedException rejected && rejected.field().equals("description")));
    }

    @Test
    void reportWithAnOverlongDescriptionIsRejected() {
        fixture.givenNoPriorActivity()
                .when(report("case-7", IN_STAFFED_CELL, "井".repeat(FileReportCommand.MAX_DESCRIPTION_LENGTH + 1), List.of()))
                .expectNoEvents()
                .expectException(org.axonframework.test.matchers.Matchers.matches(
                        e -> e instanceof CommandRejectedException rejected && rejected.field().equals("description")));
    }

    @Test
    void descriptionOfExactlyTheLimitIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(report("case-8", IN_STAFFED_CELL, "井".repeat(FileReportCommand.MAX_DESCRIPTION_LENGTH), List.of()))
                .expectSuccessfulHandlerExecution();
        assertThat(FileReportCommand.MAX_DESCRIPTION_LENGTH).isEqualTo(4000);
    }

    private static FileReportCommand report(String caseId, GeoPoint where, String description, List<PhotoRef> photos) {
        return new FileReportCommand(caseId, "report-1", "R001", "C0101", where, "成龙大道二段", description, photos,
                NOW.minusSeconds(30));
    }
}
