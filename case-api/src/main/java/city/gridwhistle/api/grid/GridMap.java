package city.gridwhistle.api.grid;

import city.gridwhistle.api.shared.GeoPoint;
import java.util.List;

/** The grid as a map draws it: every cell's outer ring, in cell-code order. */
public record GridMap(List<Cell> cells) {

    public GridMap {
        cells = List.copyOf(cells);
    }

    /**
     * One cell.
     *
     * @param mine whether the worker asked about is responsible for it
     */
    public record Cell(String cellCode, String name, String community, List<GeoPoint> boundary, boolean mine) {

        public Cell {
            boundary = List.copyOf(boundary);
        }
    }
}
