package city.gridwhistle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsUnitTest {

    private static final Path RESOURCES = Path.of("../platform/src/main/resources/gridwhistle");

    @Test
    void reportsOfOneCategoryLieFartherApartThanItsDuplicateRadius() throws Exception {
        BenchCity city = new BenchCity(50);
        Reports reports = new Reports(RESOURCES.resolve("categories.json"), city, "t");
        Map<String, Integer> radius = new HashMap<>();
        for (JsonNode c : new ObjectMapper().readTree(RESOURCES.resolve("categories.json").toFile())) {
            radius.put(c.path("code").asText(), c.path("duplicateRadiusMeters").asInt());
        }
        Map<String, List<double[]>> byCategory = new HashMap<>();
        for (int i = 0; i < 3_000; i++) {
            Reports.Report r = reports.next();
            byCategory.computeIfAbsent(r.categoryCode(), k -> new ArrayList<>()).add(new double[] {r.lat(), r.lon()});
        }
        byCategory.forEach((code, points) -> {
            for (int i = 0; i < points.size(); i++) {
                for (int j = i + 1; j < points.size(); j++) {
                    assertThat(meters(points.get(i), points.get(j))).as(code).isGreaterThan(radius.get(code));
                }
            }
        });
    }

    @Test
    void everyCellOfTheBenchCityHasItsOwnCodeAndAnOnDutyWorker(@TempDir Path folder) throws Exception {
        new BenchCity(50).write(folder, RESOURCES.resolve("demo"));
        ObjectMapper json = new ObjectMapper();
        Set<String> codes = new HashSet<>();
        for (JsonNode f : json.readTree(folder.resolve("grids.geojson").toFile()).path("features")) {
            assertThat(codes.add(f.path("properties").path("code").asText())).isTrue();
            assertThat(f.path("properties").path("code").asText()).hasSize(14);
        }
        assertThat(codes).hasSize(2_500 + 45);
        Set<String> covered = new HashSet<>();
        json.readTree(folder.resolve("workers.json").toFile())
                .forEach(w -> w.path("cells").forEach(c -> covered.add(c.asText())));
        assertThat(covered).containsAll(codes);
        assertThat(Files.exists(folder.resolve("riders.json"))).isTrue();
    }

    private static double meters(double[] a, double[] b) {
        double dLat = Math.toRadians(b[0] - a[0]), dLon = Math.toRadians(b[1] - a[1]);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(a[0])) * Math.cos(Math.toRadians(b[0])) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
    }
}
