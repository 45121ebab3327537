package city.gridwhistle.api.grid;

import city.gridwhistle.api.casework.CellRef;
import city.gridwhistle.api.shared.GeoPoint;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Define a grid cell (单元网格) by its 14-digit code, its place in the hierarchy and its outer boundary ring. */
public record DefineGridCellCommand(@TargetAggregateIdentifier String cellCode, CellRef cell, List<GeoPoint> boundary) {

    public DefineGridCellCommand {
        boundary = List.copyOf(boundary);
    }
}
