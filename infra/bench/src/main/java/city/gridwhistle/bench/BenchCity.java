package city.gridwhistle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's city: the demo city plus a lattice of {@code side × side} square cells of 100 m north of it,
 * in five districts, with one on-duty worker per ten cells. The demo city alone (45 cells) holds only a few
 * thousand distinct open cases before every new report lands within a category's duplicate radius of an open
 * one; the lattice holds hundreds of thousands. Written as the four files the demo seeder reads
 * ({@code gridwhistle.demo.location}).
 */
final class BenchCity {

    static final double LAT0 = 30.95;
    static final double LON0 = 104.30;
    static final double CELL_METERS = 100;
    static final double METERS_PER_DEGREE_LAT = 110_574;
    static final double METERS_PER_DEGREE_LON = 111_320 * Math.cos(Math.toRadians(LAT0 + 0.02));
    private static final ObjectMapper JSON = new ObjectMapper();

    final int side;

    BenchCity(int side) {
        if (side % 50 != 0 || side > 100) {
            throw new IllegalArgumentException("side is 50 or 100 (five districts of whole 10 × 10 communities)");
        }
        this.side = side;
    }

    double widthMeters() {
        return side * CELL_METERS;
    }

    static double lat(double northMeters) {
        return LAT0 + northMeters / METERS_PER_DEGREE_LAT;
    }

    static double lon(double eastMeters) {
        return LON0 + eastMeters / METERS_PER_DEGREE_LON;
    }

    /** District of a lattice column: five bands of columns. */
    String districtCode(int column) {
        return "5199" + String.format("%02d", 1 + column * 5 / side);
    }

    List<String> districtCodes() {
        List<String> codes = new ArrayList<>();
        for (int d = 1; d <= 5; d++) {
            codes.add("5199" + String.format("%02d", d));
        }
        return codes;
    }

    void write(Path folder, Path demoFolder) throws IOException {
        Files.createDirectories(folder);
        ObjectNode grids = (ObjectNode) JSON.readTree(demoFolder.resolve("grids.geojson").toFile());
        ArrayNode features = (ArrayNode) grids.get("features");
        ArrayNode workers = (ArrayNode) JSON.readTree(demoFolder.resolve("workers.json").toFile());
        int workerNo = 0;
        for (int row = 0; row < side; row++) {
            ArrayNode workerCells = null;
            for (int col = 0; col < side; col++) {
                String district = districtCode(col);
                int band = col * 5 / side;
                int street = 1 + row / 10;
                int communityInStreet = 1 + (col - band * side / 5) / 10;
                String streetCode = district + String.format("%03d", street);
                String communityCode = streetCode + String.format("%03d", communityInStreet);
                String cellCode = communityCode + String.format("%02d", (row % 10) * 10 + col % 10);
                ObjectNode feature = features.addObject();
                feature.put("type", "Feature");
                feature.put("id", cellCode);
                ObjectNode p = feature.putObject("properties");
                p.put("code", cellCode);
                p.put("name", "基准" + cellCode.substring(8) + "网格");
                p.put("districtCode", district);
                p.put("district", "基准" + district.substring(4) + "区");
                p.put("streetCode", streetCode);
                p.put("street", "基准" + streetCode.substring(4) + "街道");
                p.put("communityCode", communityCode);
                p.put("community", "基准" + communityCode.substring(4) + "社区");
                ObjectNode geometry = feature.putObject("geometry");
                geometry.put("type", "Polygon");
                ArrayNode ring = geometry.putArray("coordinates").addArray();
                double s = row * CELL_METERS, w = col * CELL_METERS, n = s + CELL_METERS, e = w + CELL_METERS;
                double[][] corners = {{w, s}, {e, s}, {e, n}, {w, n}, {w, s}};
                for (double[] c : corners) {
                    ring.addArray().add(lon(c[0])).add(lat(c[1]));
                }
                if (col % 10 == 0) {
                    workerCells = JSON.createArrayNode();
                    ObjectNode worker = workers.addObject();
                    worker.put("id", String.format("WB%04d", ++workerNo));
                    worker.put("name", "基准网格员" + workerNo);
                    worker.put("phone", String.format("1380009%04d", workerNo));
                    worker.set("cells", workerCells);
                    worker.put("onDuty", true);
                }
                workerCells.add(cellCode);
            }
        }
        JSON.writeValue(folder.resolve("grids.geojson").toFile(), grids);
        JSON.writeValue(folder.resolve("workers.json").toFile(), workers);
        for (String same : List.of("riders.json", "stations.json")) {
            Files.copy(demoFolder.resolve(same), folder.resolve(same), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static List<String> riders(Path demoFolder) throws IOException {
        List<String> ids = new ArrayList<>();
        for (JsonNode rider : JSON.readTree(demoFolder.resolve("riders.json").toFile())) {
            ids.add(rider.path("id").asText().toLowerCase(java.util.Locale.ROOT));
        }
        return ids;
    }
}
