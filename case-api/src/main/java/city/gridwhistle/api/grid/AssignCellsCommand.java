package city.gridwhistle.api.grid;

import city.gridwhistle.api.shared.Actor;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Make a grid worker responsible for exactly these cells (责任网格), replacing the ones they had; administrators
 * only. Cases already assigned to the worker stay with them; new reports route by the new cells.
 */
public record AssignCellsCommand(@TargetAggregateIdentifier String workerId, Set<String> cellCodes, Actor actor) {

    public AssignCellsCommand {
        cellCodes = cellCodes == null ? Set.of() : Set.copyOf(cellCodes);
    }
}
