package city.gridwhistle.api.grid;

import java.util.Set;

/**
 * A grid worker now answers for exactly {@code cellCodes}.
 *
 * @param previousCellCodes the cells they answered for before, so the change reads on its own in an audit
 */
public record GridWorkerCellsAssignedEvent(String workerId, Set<String> cellCodes, Set<String> previousCellCodes) {

    public GridWorkerCellsAssignedEvent {
        cellCodes = Set.copyOf(cellCodes);
        previousCellCodes = Set.copyOf(previousCellCodes);
    }
}
