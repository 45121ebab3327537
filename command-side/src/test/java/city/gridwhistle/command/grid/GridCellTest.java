package city.gridwhistle.command.grid;

import city.gridwhistle.api.casework.CellRef;
import city.gridwhistle.api.grid.DefineGridCellCommand;
import city.gridwhistle.api.grid.GridCellDefinedEvent;
import city.gridwhistle.api.grid.GridCellOutcome;
import city.gridwhistle.api.grid.GridCellRedrawnEvent;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.GeoPoint;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class GridCellTest {

    private static final String CODE = "51010400100101";
    private static final CellRef CELL = new CellRef(CODE, "粮丰社区01网格", "510104", "锦江区", "510104001", "成龙路街道",
            "510104001001", "粮丰社区");
    private static final List<GeoPoint> SQUARE = List.of(new GeoPoint(30.609, 104.125), new GeoPoint(30.609, 104.126),
            new GeoPoint(30.610, 104.126), new GeoPoint(30.610, 104.125), new GeoPoint(30.609, 104.125));

    private final AggregateTestFixture<GridCell> fixture = new AggregateTestFixture<>(GridCell.class);

    @Test
    void cellIsDefinedWithItsBoundary() {
        fixture.givenNoPriorActivity()
                .when(new DefineGridCellCommand(CODE, CELL, SQUARE))
                .expectEvents(new GridCellDefinedEvent(CODE, CELL, SQUARE));
    }

    @Test
    void cellCodeMustHaveFourteenDigits() {
        fixture.givenNoPriorActivity()
                .when(new DefineGridCellCommand("5101040010010", CELL, SQUARE))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void cellNeedsThreeDistinctCorners() {
        fixture.givenNoPriorActivity()
                .when(new DefineGridCellCommand(CODE, CELL, List.of(SQUARE.get(0), SQUARE.get(1), SQUARE.get(0))))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void definingAKnownCellWithAnotherBoundaryRedrawsIt() {
        List<GeoPoint> wider = List.of(new GeoPoint(30.609, 104.125), new GeoPoint(30.609, 104.127),
                new GeoPoint(30.610, 104.127), new GeoPoint(30.610, 104.125), new GeoPoint(30.609, 104.125));
        fixture.given(new GridCellDefinedEvent(CODE, CELL, SQUARE))
                .when(new DefineGridCellCommand(CODE, CELL, wider))
                .expectEvents(new GridCellRedrawnEvent(CODE, CELL, wider))
                .expectResultMessagePayload(GridCellOutcome.REDRAWN);
    }

    @Test
    void definingAKnownCellWithAnotherNameRedrawsIt() {
        CellRef renamed = new CellRef(CODE, "粮丰社区01网格（东）", "510104", "锦江区", "510104001", "成龙路街道",
                "510104001001", "粮丰社区");
        fixture.given(new GridCellDefinedEvent(CODE, CELL, SQUARE))
                .when(new DefineGridCellCommand(CODE, renamed, SQUARE))
                .expectEvents(new GridCellRedrawnEvent(CODE, renamed, SQUARE));
    }

    @Test
    void theSameDefinitionAgainRecordsNothing() {
        fixture.given(new GridCellDefinedEvent(CODE, CELL, SQUARE), new GridCellRedrawnEvent(CODE, CELL, SQUARE))
                .when(new DefineGridCellCommand(CODE, CELL, SQUARE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(GridCellOutcome.UNCHANGED);
    }

    @Test
    void aNewCellIsDefinedNotRedrawn() {
        fixture.givenNoPriorActivity()
                .when(new DefineGridCellCommand(CODE, CELL, SQUARE))
                .expectResultMessagePayload(GridCellOutcome.DEFINED);
    }
}
