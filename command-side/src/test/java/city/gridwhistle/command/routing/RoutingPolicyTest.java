package city.gridwhistle.command.routing;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.api.shared.GeoPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingPolicyTest {

    private static final GeoPoint SW = new GeoPoint(30.6090, 104.1250);
    private static final String WEST = "51010400100101";
    private static final String EAST = "51010400100102";

    private final InMemoryGridDirectory grid = new InMemoryGridDirectory()
            .square(WEST, SW)
            .square(EAST, new GeoPoint(SW.lat(), SW.lon() + 0.001044));

    @Test
    void pointInsideACellRoutesToThatCell() {
        var route = new RoutingPolicy(grid).route(new GeoPoint(SW.lat() + 0.0004, SW.lon() + 0.0015));

        assertThat(route).hasValueSatisfying(r -> assertThat(r.cell().cellCode()).isEqualTo(EAST));
    }

    @Test
    void pointOnASharedEdgeGoesToTheLowerCellCode() {
        var route = new RoutingPolicy(grid).route(new GeoPoint(SW.lat() + 0.0004, SW.lon() + 0.001044));

        assertThat(route).hasValueSatisfying(r -> assertThat(r.cell().cellCode()).isEqualTo(WEST));
    }

    @Test
    void pointOutsideEveryCellHasNoRoute() {
        assertThat(new RoutingPolicy(grid).route(new GeoPoint(SW.lat() - 0.01, SW.lon()))).isEmpty();
    }

    @Test
    void pointInTheBoundingBoxButOutsideATriangleHasNoRoute() {
        var cell = grid.cellsAround(SW).getFirst().cell();
        var triangle = new GridDirectory() {
            @Override
            public List<CellShape> cellsAround(GeoPoint point) {
                return List.of(new CellShape(cell, List.of(SW, new GeoPoint(SW.lat(), SW.lon() + 0.001),
                        new GeoPoint(SW.lat() + 0.001, SW.lon()))));
            }

            @Override
            public List<WorkerLoad> onDutyWorkers(String cellCode) {
                return List.of();
            }

            @Override
            public java.util.Optional<city.gridwhistle.api.casework.CellRef> cell(String cellCode) {
                return java.util.Optional.of(cell);
            }

            @Override
            public boolean isWorkerOfCell(String workerId, String cellCode) {
                return false;
            }
        };

        assertThat(new RoutingPolicy(triangle).route(new GeoPoint(SW.lat() + 0.0009, SW.lon() + 0.0009))).isEmpty();
    }

    @Test
    void onDutyWorkerWithFewestOpenCasesGetsTheCase() {
        grid.onDuty(WEST, "W001", 3).onDuty(WEST, "W002", 1).onDuty(WEST, "W003", 2);

        var route = new RoutingPolicy(grid).route(new GeoPoint(SW.lat() + 0.0004, SW.lon() + 0.0004));

        assertThat(route).hasValueSatisfying(r -> assertThat(r.workerId()).hasValue("W002"));
    }

    @Test
    void equallyLoadedWorkersAreChosenByIdSoRoutingIsRepeatable() {
        grid.onDuty(WEST, "W009", 1).onDuty(WEST, "W004", 1);

        var route = new RoutingPolicy(grid).route(new GeoPoint(SW.lat() + 0.0004, SW.lon() + 0.0004));

        assertThat(route).hasValueSatisfying(r -> assertThat(r.workerId()).hasValue("W004"));
    }

    @Test
    void cellWithNobodyOnDutyRoutesToNoWorker() {
        grid.onDuty(EAST, "W001", 0);

        var route = new RoutingPolicy(grid).route(new GeoPoint(SW.lat() + 0.0004, SW.lon() + 0.0004));

        assertThat(route).hasValueSatisfying(r -> {
            assertThat(r.cell().cellCode()).isEqualTo(WEST);
            assertThat(r.workerId()).isEmpty();
        });
    }
}
