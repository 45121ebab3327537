package city.gridwhistle.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo city's grid cells (the platform's {@code gridwhistle/demo/grids.geojson}), for random report points
 * that lie inside a cell, so every report is routed and none is refused.
 */
final class DemoGrid {

    record Cell(String code, List<double[]> ring, double minLat, double maxLat, double minLon, double maxLon) {
        boolean contains(double lat, double lon) {
            boolean inside = false;
            for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
                double[] a = ring.get(i);
                double[] b = ring.get(j);
                // a ring point is {lon, lat}
                if ((a[1] > lat) != (b[1] > lat) && lon < (b[0] - a[0]) * (lat - a[1]) / (b[1] - a[1]) + a[0]) {
                    inside = !inside;
                }
            }
            return inside;
        }
    }

    static final List<Cell> CELLS = load();

    private DemoGrid() {
    }

    /** A point {lat, lon} strictly inside a random cell, kept a few metres off its edges. */
    static double[] randomPoint(Random random) {
        while (true) {
            Cell cell = CELLS.get(random.nextInt(CELLS.size()));
            for (int attempt = 0; attempt < 100; attempt++) {
                double lat = cell.minLat() + random.nextDouble() * (cell.maxLat() - cell.minLat());
                double lon = cell.minLon() + random.nextDouble() * (cell.maxLon() - cell.minLon());
                double margin = 0.00005;
                if (cell.contains(lat, lon) && cell.contains(lat + margin, lon) && cell.contains(lat - margin, lon)
                        && cell.contains(lat, lon + margin) && cell.contains(lat, lon - margin)) {
                    return new double[] {lat, lon};
                }
            }
        }
    }

    private static List<Cell> load() {
        try (InputStream in = DemoGrid.class.getClassLoader().getResourceAsStream("gridwhistle/demo/grids.geojson")) {
            if (in == null) {
                throw new IllegalStateException("gridwhistle/demo/grids.geojson is not on the classpath");
            }
            List<Cell> cells = new ArrayList<>();
            for (JsonNode feature : Http.JSON.readTree(in).path("features")) {
                JsonNode outer = feature.path("geometry").path("coordinates").path(0);
                List<double[]> ring = new ArrayList<>();
                double minLat = 90, maxLat = -90, minLon = 180, maxLon = -180;
                for (JsonNode point : outer) {
                    double lon = point.path(0).asDouble();
                    double lat = point.path(1).asDouble();
                    ring.add(new double[] {lon, lat});
                    minLat = Math.min(minLat, lat);
                    maxLat = Math.max(maxLat, lat);
                    minLon = Math.min(minLon, lon);
                    maxLon = Math.max(maxLon, lon);
                }
                cells.add(new Cell(feature.path("properties").path("code").asText(), ring, minLat, maxLat, minLon,
                        maxLon));
            }
            return List.copyOf(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
