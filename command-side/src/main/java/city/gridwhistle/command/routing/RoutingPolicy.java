package city.gridwhistle.command.routing;

import city.gridwhistle.api.shared.GeoPoint;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.springframework.stereotype.Component;

/**
 * Routing (派遣) as DOMAIN.md states it: point-in-polygon finds the grid cell; the cell's on-duty worker with the
 * fewest open cases gets the case; with nobody on duty the case goes to the supervisors' queue.
 */
@Component
public class RoutingPolicy {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final GridDirectory directory;

    public RoutingPolicy(GridDirectory directory) {
        this.directory = directory;
    }

    /** The route for a point, or empty when the point lies in no grid cell. */
    public Optional<Route> route(GeoPoint point) {
        var location = GEOMETRY.createPoint(new Coordinate(point.lon(), point.lat()));
        return directory.cellsAround(point).stream()
                // a point on an edge shared by two cells goes to the lower cell code, every time
                .sorted(Comparator.comparing(shape -> shape.cell().cellCode()))
                .filter(shape -> polygon(shape.boundary()).covers(location))
                .findFirst()
                .map(shape -> new Route(shape.cell(), leastLoaded(directory.onDutyWorkers(shape.cell().cellCode()))));
    }

    /** The route within a given cell (a transfer, a reopened case), or empty when the grid has no such cell. */
    public Optional<Route> routeInCell(String cellCode) {
        return directory.cell(cellCode)
                .map(cell -> new Route(cell, leastLoaded(directory.onDutyWorkers(cellCode))));
    }

    public boolean isWorkerOfCell(String workerId, String cellCode) {
        return directory.isWorkerOfCell(workerId, cellCode);
    }

    private static Optional<String> leastLoaded(List<GridDirectory.WorkerLoad> workers) {
        return workers.stream()
                .min(Comparator.comparingInt(GridDirectory.WorkerLoad::openCases)
                        .thenComparing(GridDirectory.WorkerLoad::workerId))
                .map(GridDirectory.WorkerLoad::workerId);
    }

    private static Polygon polygon(List<GeoPoint> ring) {
        Coordinate[] coordinates = new Coordinate[ring.size() + (closed(ring) ? 0 : 1)];
        for (int i = 0; i < ring.size(); i++) {
            coordinates[i] = new Coordinate(ring.get(i).lon(), ring.get(i).lat());
        }
        if (!closed(ring)) {
            coordinates[ring.size()] = coordinates[0];
        }
        return GEOMETRY.createPolygon(coordinates);
    }

    private static boolean closed(List<GeoPoint> ring) {
        return ring.getFirst().equals(ring.getLast());
    }
}
