package city.gridwhistle.api.grid;

import java.util.List;

/** The grid workers, by id. */
public record GridWorkers(List<Worker> workers) {

    public GridWorkers {
        workers = List.copyOf(workers);
    }

    /**
     * One worker.
     *
     * @param cellCodes the cells they answer for, in code order
     * @param openCases cases assigned to them and neither closed nor voided
     */
    public record Worker(String workerId, String displayName, boolean onDuty, int openCases, List<String> cellCodes) {

        public Worker {
            cellCodes = List.copyOf(cellCodes);
        }
    }
}
