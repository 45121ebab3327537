package city.gridwhistle.api.grid;

import city.gridwhistle.api.casework.CellRef;
import city.gridwhistle.api.shared.GeoPoint;
import java.util.List;

/**
 * A defined cell was given a new boundary or new names (a city re-surveys its grid). The definition before stays in
 * the cell's stream: cases routed under it keep the cell they were routed to; new reports follow the new shape.
 */
public record GridCellRedrawnEvent(String cellCode, CellRef cell, List<GeoPoint> boundary) {

    public GridCellRedrawnEvent {
        boundary = List.copyOf(boundary);
    }
}
