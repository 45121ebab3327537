package city.gridwhistle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reports that become distinct cases: each category walks its own lattice of points spaced a little wider than
 * its duplicate radius, visited in a scattered but fixed order, so no report lands near an open case of its
 * category until the lattice is used up (then reports start to attach, and the driver counts them). The category
 * chosen next is the one whose lattice is least used, so the wide-radius categories do not run out first.
 */
final class Reports {

    record Category(String code, int radiusMeters, String zh, long capacity, double spacing, int perSide) {
    }

    record Report(String categoryCode, double lat, double lon, String description, String token) {
        String json() {
            return "{\"categoryCode\":\"" + categoryCode + "\",\"lat\":" + lat + ",\"lon\":" + lon
                    + ",\"description\":\"" + description + "\"}";
        }
    }

    private static final long STRIDE = 7_919;
    private static final String[] PLACES = {"小区门口", "路口东侧", "公交站旁", "学校对面", "菜市场后门", "地铁口"};

    private final List<Category> categories = new ArrayList<>();
    private final long[] used;
    private final AtomicLong serial = new AtomicLong();
    private final String runTag;

    Reports(Path categoriesJson, BenchCity city, String runTag) throws IOException {
        this.runTag = runTag;
        for (JsonNode c : new ObjectMapper().readTree(categoriesJson.toFile())) {
            int radius = c.path("duplicateRadiusMeters").asInt();
            double spacing = radius * 1.05 + 0.5;
            int perSide = (int) Math.floor((city.widthMeters() - spacing) / spacing);
            categories.add(new Category(c.path("code").asText(), radius, c.path("zh").asText(),
                    (long) perSide * perSide, spacing, perSide));
        }
        used = new long[categories.size()];
    }

    long capacity() {
        return categories.stream().mapToLong(Category::capacity).sum();
    }

    synchronized Report next() {
        int pick = leastUsed();
        Category c = categories.get(pick);
        long n = used[pick]++;
        long cells = c.capacity();
        long index = Math.floorMod(n * STRIDE, cells);
        if (n >= cells) {
            index = Math.floorMod(index + n / cells, cells); // lattice used up: reports attach from here on
        }
        long row = index / c.perSide(), col = index % c.perSide();
        double north = c.spacing() * (0.5 + row) + 0.37, east = c.spacing() * (0.5 + col) + 0.41;
        long s = serial.incrementAndGet();
        String token = "b" + runTag + "x" + s;
        String description = c.zh() + "，" + PLACES[(int) (s % PLACES.length)] + "，基准测试 " + token;
        return new Report(c.code(), round(BenchCity.lat(north)), round(BenchCity.lon(east)), description, token);
    }

    /** How many reports were drawn, those skipped included. */
    synchronized long drawn() {
        return Arrays.stream(used).sum();
    }

    /**
     * Draws {@code reports} without filing them: a run on the data of an earlier one goes on where that one left
     * off, since the points it used are open cases now and new reports there would attach to them.
     */
    synchronized void skip(long reports) {
        for (long i = 0; i < reports; i++) {
            used[leastUsed()]++;
        }
    }

    private int leastUsed() {
        int pick = 0;
        for (int i = 1; i < used.length; i++) {
            double share = (double) used[i] / categories.get(i).capacity();
            if (share < (double) used[pick] / categories.get(pick).capacity()) {
                pick = i;
            }
        }
        return pick;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
