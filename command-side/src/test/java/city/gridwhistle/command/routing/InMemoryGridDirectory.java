package city.gridwhistle.command.routing;

import city.gridwhistle.api.casework.CellRef;
import city.gridwhistle.api.shared.GeoPoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small grid held in memory, for tests of the policies that read a {@link GridDirectory}. */
public final class InMemoryGridDirectory implements GridDirectory {

    private final List<CellShape> cells = new ArrayList<>();
    private final Map<String, List<WorkerLoad>> onDuty = new HashMap<>();
    private final Map<String, List<String>> offDuty = new HashMap<>();

    /** A square cell of about 100 m with its south-west corner at the point. */
    public InMemoryGridDirectory square(String code, GeoPoint southWest) {
        double dLat = 0.000902;
        double dLon = 0.001044;
        var ring = List.of(southWest,
                new GeoPoint(southWest.lat(), southWest.lon() + dLon),
                new GeoPoint(southWest.lat() + dLat, southWest.lon() + dLon),
                new GeoPoint(southWest.lat() + dLat, southWest.lon()),
                southWest);
        cells.add(new CellShape(new CellRef(code, "网格" + code.substring(12), code.substring(0, 6), "锦江区",
                code.substring(0, 9), "成龙路街道", code.substring(0, 12), "粮丰社区"), ring));
        return this;
    }

    public InMemoryGridDirectory onDuty(String cellCode, String workerId, int openCases) {
        onDuty.computeIfAbsent(cellCode, c -> new ArrayList<>()).add(new WorkerLoad(workerId, openCases));
        return this;
    }

    @Override
    public List<CellShape> cellsAround(GeoPoint point) {
        return cells.stream().filter(shape -> {
            var lats = shape.boundary().stream().mapToDouble(GeoPoint::lat).summaryStatistics();
            var lons = shape.boundary().stream().mapToDouble(GeoPoint::lon).summaryStatistics();
            return point.lat() >= lats.getMin() && point.lat() <= lats.getMax()
                    && point.lon() >= lons.getMin() && point.lon() <= lons.getMax();
        }).toList();
    }

    @Override
    public List<WorkerLoad> onDutyWorkers(String cellCode) {
        return onDuty.getOrDefault(cellCode, List.of());
    }

    @Override
    public Optional<CellRef> cell(String cellCode) {
        return cells.stream().map(CellShape::cell).filter(c -> c.cellCode().equals(cellCode)).findFirst();
    }

    @Override
    public boolean isWorkerOfCell(String workerId, String cellCode) {
        return onDuty.getOrDefault(cellCode, List.of()).stream().anyMatch(w -> w.workerId().equals(workerId))
                || offDuty.getOrDefault(cellCode, List.of()).contains(workerId);
    }

    /** A worker of the cell who is not on duty: may be dispatched to by hand, never by routing. */
    public InMemoryGridDirectory offDuty(String cellCode, String workerId) {
        offDuty.computeIfAbsent(cellCode, c -> new ArrayList<>()).add(workerId);
        return this;
    }
}
