package city.gridwhistle.command.grid;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import city.gridwhistle.api.grid.DefineGridCellCommand;
import city.gridwhistle.api.grid.GridCellDefinedEvent;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.CommandRejectedException.Reason;
import city.gridwhistle.api.shared.GeoPoint;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A grid cell (单元网格): a small closed polygon with a 14-digit code, the unit of responsibility. */
@Aggregate
public class GridCell {

    private static final String CODE_PATTERN = "\\d{14}";

    @AggregateIdentifier
    private String cellCode;

    protected GridCell() {
        // for Axon
    }

    @CommandHandler
    public GridCell(DefineGridCellCommand command) {
        if (command.cellCode() == null || !command.cellCode().matches(CODE_PATTERN)) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "cellCode",
                    "a cell code has 14 digits: county(6) street(3) community(3) cell(2)");
        }
        if (!command.cellCode().equals(command.cell().cellCode())) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "cell.cellCode", "must equal cellCode");
        }
        if (distinctCorners(command.boundary()) < 3) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "boundary",
                    "a cell boundary needs at least three distinct corners");
        }
        apply(new GridCellDefinedEvent(command.cellCode(), command.cell(), command.boundary()));
    }

    private static long distinctCorners(List<GeoPoint> boundary) {
        return boundary.stream().distinct().count();
    }

    @EventSourcingHandler
    void on(GridCellDefinedEvent event) {
        cellCode = event.cellCode();
    }
}
