package city.gridwhistle.command.grid;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import city.gridwhistle.api.casework.CellRef;
import city.gridwhistle.api.grid.DefineGridCellCommand;
import city.gridwhistle.api.grid.GridCellDefinedEvent;
import city.gridwhistle.api.grid.GridCellOutcome;
import city.gridwhistle.api.grid.GridCellRedrawnEvent;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.CommandRejectedException.Reason;
import city.gridwhistle.api.shared.GeoPoint;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A grid cell (单元网格): a small closed polygon with a 14-digit code, the unit of responsibility. Defining a cell
 * says what it is now: a new code is defined, a known one with another boundary or other names is redrawn (a new
 * event; the old definition stays in the stream), and the same definition again records nothing, so a city can
 * upload its whole grid file again after changing a few cells.
 */
@Aggregate
public class GridCell {

    private static final String CODE_PATTERN = "\\d{14}";

    @AggregateIdentifier
    private String cellCode;
    private CellRef cell;
    private List<GeoPoint> boundary;

    protected GridCell() {
        // for Axon, also to define a cell (created if missing)
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    GridCellOutcome handle(DefineGridCellCommand command) {
        if (command.cellCode() == null || !command.cellCode().matches(CODE_PATTERN)) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "cellCode",
                    "a cell code has 14 digits: county(6) street(3) community(3) cell(2)");
        }
        if (command.cell() == null || !command.cellCode().equals(command.cell().cellCode())) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "cell.cellCode", "must equal cellCode");
        }
        if (distinctCorners(command.boundary()) < 3) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "boundary",
                    "a cell boundary needs at least three distinct corners");
        }
        if (cellCode == null) {
            apply(new GridCellDefinedEvent(command.cellCode(), command.cell(), command.boundary()));
            return GridCellOutcome.DEFINED;
        }
        if (command.cell().equals(cell) && command.boundary().equals(boundary)) {
            return GridCellOutcome.UNCHANGED;
        }
        apply(new GridCellRedrawnEvent(cellCode, command.cell(), command.boundary()));
        return GridCellOutcome.REDRAWN;
    }

    private static long distinctCorners(List<GeoPoint> boundary) {
        return boundary.stream().distinct().count();
    }

    @EventSourcingHandler
    void on(GridCellDefinedEvent event) {
        cellCode = event.cellCode();
        cell = event.cell();
        boundary = event.boundary();
    }

    @EventSourcingHandler
    void on(GridCellRedrawnEvent event) {
        cell = event.cell();
        boundary = event.boundary();
    }
}
