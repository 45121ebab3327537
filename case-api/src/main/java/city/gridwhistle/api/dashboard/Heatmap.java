package city.gridwhistle.api.dashboard;

import java.util.List;

/** Map tiles ({@code zoom/x/y}) with their case counts and the centroid of their cases. */
public record Heatmap(int zoom, List<Tile> tiles) {

    public record Tile(String tile, long cases, double lat, double lon) {
    }
}
