package city.gridwhistle.web.grid;

import java.util.Locale;

/**
 * Grid files for the administrators' tests: square cells of about 100 m in a district of their own (510199, far
 * east of the demo city), so that no other test's report, dashboard or gazetteer lookup meets them.
 */
public final class AdminGridFiles {

    public static final String DISTRICT = "510199";
    public static final String COMMUNITY = "510199099099";

    private AdminGridFiles() {
    }

    /** The 14-digit code of test cell {@code n} (01..99). */
    public static String code(int n) {
        return COMMUNITY + String.format(Locale.ROOT, "%02d", n);
    }

    /** A point well inside the square of cell {@code n} as drawn by {@link #square}. */
    public static double[] inside(int n, double size) {
        return new double[] {30.9 + 0.002 * n + size / 2, 104.5 + size / 2};
    }

    /** One feature: cell {@code n} as a square of {@code size} degrees with its south-west corner by its number. */
    public static String square(int n, String name, double size) {
        double lat = 30.9 + 0.002 * n;
        double lon = 104.5;
        return String.format(Locale.ROOT, """
                {"type": "Feature", "properties": {"code": "%s", "name": "%s", "districtCode": "%s",
                  "district": "管理测试区", "streetCode": "510199099", "street": "管理测试街道",
                  "communityCode": "%s", "community": "管理测试社区"},
                 "geometry": {"type": "Polygon", "coordinates": [[[%f, %f], [%f, %f], [%f, %f], [%f, %f], [%f, %f]]]}}""",
                code(n), name, DISTRICT, COMMUNITY, lon, lat, lon + size, lat, lon + size, lat + size, lon, lat + size,
                lon, lat);
    }

    public static String collection(String... features) {
        return "{\"type\": \"FeatureCollection\", \"features\": [" + String.join(",", features) + "]}";
    }
}
