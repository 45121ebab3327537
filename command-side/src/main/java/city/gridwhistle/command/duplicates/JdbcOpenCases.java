package city.gridwhistle.command.duplicates;

import city.gridwhistle.api.shared.GeoPoint;
import java.util.Comparator;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Open cases in {@code open_case_location}. The lock is a set of PostgreSQL transaction-level advisory locks,
 * released when the command's transaction commits or rolls back: one per tile of a coarse grid that the report's
 * circle touches, keyed by category and tile, taken in ascending key order so that two intakes never wait for each
 * other in a cycle. Decision 0007 (amended by 0023).
 */
@Component
public class JdbcOpenCases implements OpenCases {

    private static final double METERS_PER_DEGREE_LAT = 110_574;
    private static final int LOCK_NAMESPACE = 0x6777; // "gw": keeps our advisory locks apart from others'

    private final JdbcTemplate jdbc;

    public JdbcOpenCases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Tiles of 0.002° × 0.002° (about 220 m × 190 m here): a report's circle touches one to four of them. */
    static final double TILE_DEGREES = 0.002;

    @Override
    public void lockNeighbourhood(String categoryCode, GeoPoint point, int radiusMeters) {
        for (int key : tileKeys(categoryCode, point, radiusMeters)) {
            jdbc.query("select pg_advisory_xact_lock(?, ?)", rs -> null, LOCK_NAMESPACE, key);
        }
    }

    /**
     * The lock keys of the tiles that the bounding box of the report's circle touches, ascending and without
     * repeats. A tile is a pure function of a point's degrees, and the box holds every point within the radius,
     * so two reports within the radius of each other both lock the tile of the second one's point.
     */
    static int[] tileKeys(String categoryCode, GeoPoint point, int radiusMeters) {
        double reach = radiusMeters * 1.01 + 1; // a little more than the radius, whatever the rounding
        double dLat = reach / METERS_PER_DEGREE_LAT;
        double dLon = dLat / Math.max(Math.cos(Math.toRadians(Math.abs(point.lat()) + dLat)), 0.01);
        TreeSet<Integer> keys = new TreeSet<>();
        for (long y = tile(point.lat() - dLat); y <= tile(point.lat() + dLat); y++) {
            for (long x = tile(point.lon() - dLon); x <= tile(point.lon() + dLon); x++) {
                keys.add((categoryCode + ':' + y + ':' + x).hashCode());
            }
        }
        return keys.stream().mapToInt(Integer::intValue).toArray();
    }

    private static long tile(double degrees) {
        return (long) Math.floor(degrees / TILE_DEGREES);
    }

    @Override
    public Optional<String> nearestOpen(String categoryCode, GeoPoint point, int radiusMeters) {
        double dLat = radiusMeters / METERS_PER_DEGREE_LAT;
        double dLon = dLat / Math.max(Math.cos(Math.toRadians(point.lat())), 0.01);
        record Candidate(String caseId, GeoPoint where) {
        }
        return jdbc.query("""
                        select case_id, lat, lon from open_case_location
                         where open and category_code = ? and lat between ? and ? and lon between ? and ?""",
                        (rs, n) -> new Candidate(rs.getString(1), new GeoPoint(rs.getDouble(2), rs.getDouble(3))),
                        categoryCode, point.lat() - dLat, point.lat() + dLat, point.lon() - dLon, point.lon() + dLon)
                .stream()
                .filter(c -> c.where().distanceMetersTo(point) <= radiusMeters)
                .min(Comparator.comparingDouble((Candidate c) -> c.where().distanceMetersTo(point))
                        .thenComparing(Candidate::caseId))
                .map(Candidate::caseId);
    }
}
