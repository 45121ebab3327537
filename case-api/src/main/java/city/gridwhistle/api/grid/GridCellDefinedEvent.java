package city.gridwhistle.api.grid;

import city.gridwhistle.api.casework.CellRef;
import city.gridwhistle.api.shared.GeoPoint;
import java.util.List;

public record GridCellDefinedEvent(String cellCode, CellRef cell, List<GeoPoint> boundary) {
}
