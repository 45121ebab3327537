package city.gridwhistle.command.casefile;

import static city.gridwhistle.command.casefile.CaseFixtures.EMPTY;
import static city.gridwhistle.command.casefile.CaseFixtures.IN_EMPTY_CELL;
import static city.gridwhistle.command.casefile.CaseFixtures.IN_STAFFED_CELL;
import static city.gridwhistle.command.casefile.CaseFixtures.MANHOLE;
import static city.gridwhistle.command.casefile.CaseFixtures.NOW;
import static city.gridwhistle.command.casefile.CaseFixtures.STAFFED;
import static city.gridwhistle.command.casefile.CaseFixtures.clockStarted;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.equalTo;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import city.gridwhistle.api.casework.CaseDispatchedEvent;
import city.gridwhistle.api.casework.CaseQueuedForSupervisorEvent;
import city.gridwhistle.api.casework.CaseRegisteredEvent;
import city.gridwhistle.api.casework.DeadlineStep;
import city.gridwhistle.api.casework.ReportAttachedEvent;
import city.gridwhistle.api.intake.FileReportCommand;
import city.gridwhistle.api.intake.ReportFiledEvent;
import city.gridwhistle.api.intake.ReportReceipt;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.api.shared.PhotoRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportIntakeTest {

    private final CaseFixtures cases = new CaseFixtures();

    @Test
    void reportInAStaffedCellIsFiledRegisteredAndDispatchedToTheLeastLoadedWorker() {
        var cell = cases.grid.cell(STAFFED).orElseThrow();
        var photo = new PhotoRef("ab".repeat(32), "image/jpeg", 1234);

        cases.fixture.givenCurrentTime(NOW)
                .when(report("case-1", "R001", IN_STAFFED_CELL, "井盖缺失，电动车差点掉进去", List.of(photo)))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        equalTo(new ReportFiledEvent("case-1", "report-case-1", "R001", "C0101", IN_STAFFED_CELL,
                                "成龙大道二段", "井盖缺失，电动车差点掉进去", List.of(photo), NOW.minusSeconds(30), NOW)),
                        equalTo(new CaseRegisteredEvent("case-1", MANHOLE, cell, NOW)),
                        equalTo(new CaseDispatchedEvent("case-1", STAFFED, "W002", NOW)),
                        clockStarted("case-1", DeadlineStep.ACCEPT, NOW, MANHOLE.limits().accept()),
                        andNoMore())))
                .expectResultMessagePayload(new ReportReceipt("case-1", STAFFED, cell.cellName(), "W002", false, false));
    }

    @Test
    void reportInACellWithNobodyOnDutyWaitsInTheSupervisorQueueUnderTheDispatchLimit() {
        var cell = cases.grid.cell(EMPTY).orElseThrow();

        cases.fixture.givenCurrentTime(NOW)
                .when(report("case-2", "R001", IN_EMPTY_CELL, "井盖缺失", List.of()))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches(e -> e instanceof ReportFiledEvent),
                        equalTo(new CaseRegisteredEvent("case-2", MANHOLE, cell, NOW)),
                        equalTo(new CaseQueuedForSupervisorEvent("case-2", EMPTY, "no grid worker on duty in the cell", NOW)),
                        clockStarted("case-2", DeadlineStep.DISPATCH, NOW, MANHOLE.limits().dispatch()),
                        andNoMore())))
                .expectResultMessagePayload(new ReportReceipt("case-2", EMPTY, cell.cellName(), null, true, false));
    }

    @Test
    void reportNearAnOpenCaseOfTheSameCategoryJoinsItInsteadOfOpeningAnother() {
        var tenMetresAway = new GeoPoint(IN_STAFFED_CELL.lat() + 0.00009, IN_STAFFED_CELL.lon());
        var given = cases.fixture.givenCommands(report("case-1", "R001", IN_STAFFED_CELL, "井盖缺失", List.of()));
        cases.openCases.open("case-1", "C0101", IN_STAFFED_CELL);

        given.when(report("case-9", "R002", tenMetresAway, "这里井盖没了", List.of()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReportAttachedEvent("case-1", "report-case-9", "R002", tenMetresAway, "这里井盖没了",
                        List.of(), NOW.minusSeconds(30), cases.fixture.currentTime(), 2, 3))
                .expectResultMessagePayloadMatching(matches(receipt -> receipt instanceof ReportReceipt r
                        && r.caseId().equals("case-1") && r.attached()));
    }

    @Test
    void reportBeyondTheDuplicateRadiusOpensItsOwnCase() {
        var thirtyMetresAway = new GeoPoint(IN_STAFFED_CELL.lat() + 0.00027, IN_STAFFED_CELL.lon());
        cases.openCases.open("case-1", "C0101", IN_STAFFED_CELL);

        cases.fixture.givenNoPriorActivity()
                .when(report("case-9", "R002", thirtyMetresAway, "井盖缺失", List.of()))
                .expectResultMessagePayloadMatching(matches(receipt -> receipt instanceof ReportReceipt r
                        && r.caseId().equals("case-9") && !r.attached()));
    }

    @Test
    void reportOfAnotherCategoryNearbyOpensItsOwnCase() {
        cases.openCases.open("case-1", "C0102", IN_STAFFED_CELL);

        cases.fixture.givenNoPriorActivity()
                .when(report("case-9", "R002", IN_STAFFED_CELL, "井盖缺失", List.of()))
                .expectResultMessagePayloadMatching(matches(receipt -> receipt instanceof ReportReceipt r
                        && r.caseId().equals("case-9")));
    }

    @Test
    void reportUnderAnUnknownCategoryIsRejectedAndRecordsNothing() {
        cases.fixture.givenNoPriorActivity()
                .when(new FileReportCommand("case-4", "report-1", "R001", "X9999", IN_STAFFED_CELL, null, "井盖缺失",
                        List.of(), null))
                .expectNoEvents()
                .expectException(matches(e -> e instanceof CommandRejectedException rejected
                        && rejected.field().equals("categoryCode")
                        && rejected.reason() == CommandRejectedException.Reason.UNKNOWN_CATEGORY));
    }

    @Test
    void reportOutsideEveryGridCellIsRejectedAndRecordsNothing() {
        cases.fixture.givenNoPriorActivity()
                .when(report("case-5", "R001", new GeoPoint(31.2, 121.5), "井盖缺失", List.of()))
                .expectNoEvents()
                .expectException(matches(e -> e instanceof CommandRejectedException rejected
                        && rejected.field().equals("location")
                        && rejected.reason() == CommandRejectedException.Reason.OUTSIDE_GRID));
    }

    @Test
    void reportWithoutADescriptionIsRejected() {
        cases.fixture.givenNoPriorActivity()
                .when(report("case-6", "R001", IN_STAFFED_CELL, "   ", List.of()))
                .expectNoEvents()
                .expectException(matches(e -> e instanceof CommandRejectedException rejected
                        && rejected.field().equals("description")));
    }

    @Test
    void reportWithAnOverlongDescriptionIsRejected() {
        cases.fixture.givenNoPriorActivity()
                .when(report("case-7", "R001", IN_STAFFED_CELL,
                        "井".repeat(FileReportCommand.MAX_DESCRIPTION_LENGTH + 1), List.of()))
                .expectNoEvents()
                .expectException(matches(e -> e instanceof CommandRejectedException rejected
                        && rejected.field().equals("description")));
    }

    @Test
    void descriptionOfExactlyTheLimitIsAccepted() {
        cases.fixture.givenNoPriorActivity()
                .when(report("case-8", "R001", IN_STAFFED_CELL, "井".repeat(FileReportCommand.MAX_DESCRIPTION_LENGTH),
                        List.of()))
                .expectSuccessfulHandlerExecution();
    }

    static FileReportCommand report(String caseId, String reporter, GeoPoint where, String description,
                                    List<PhotoRef> photos) {
        return new FileReportCommand(caseId, "report-" + caseId, reporter, "C0101", where, "成龙大道二段", description,
                photos, NOW.minusSeconds(30));
    }
}
