package city.gridwhistle.command.routing;

import city.gridwhistle.api.casework.CellRef;
import city.gridwhistle.api.shared.GeoPoint;
import java.util.List;
import java.util.Optional;

/** What routing needs to know about the grid: cell shapes near a point, and who is on duty in a cell. */
public interface GridDirectory {

    /** A cell with its outer boundary ring. */
    record CellShape(CellRef cell, List<GeoPoint> boundary) {
    }

    /** An on-duty worker of a cell and how many open cases they hold. */
    record WorkerLoad(String workerId, int openCases) {
    }

    /** Cells whose bounding box contains the point: candidates for the exact point-in-polygon test. */
    List<CellShape> cellsAround(GeoPoint point);

    /** Workers responsible for the cell who are on duty now. */
    List<WorkerLoad> onDutyWorkers(String cellCode);

    /** The cell with this code, if the grid has it. */
    Optional<CellRef> cell(String cellCode);

    /** Whether the worker answers for the cell (on duty or not). */
    boolean isWorkerOfCell(String workerId, String cellCode);
}
