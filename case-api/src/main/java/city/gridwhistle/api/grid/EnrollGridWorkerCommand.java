package city.gridwhistle.api.grid;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Enrol a grid worker (网格员) responsible for the given cells (责任网格). */
public record EnrollGridWorkerCommand(@TargetAggregateIdentifier String workerId, String displayName, Set<String> cellCodes) {

    public EnrollGridWorkerCommand {
        cellCodes = Set.copyOf(cellCodes);
    }
}
