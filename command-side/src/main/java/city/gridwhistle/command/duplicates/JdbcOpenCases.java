package city.gridwhistle.command.duplicates;

import city.gridwhistle.api.shared.GeoPoint;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Open cases in {@code open_case_location}. The lock is a PostgreSQL transaction-level advisory lock keyed by the
 * category, released when the command's transaction commits or rolls back.
 */
@Component
public class JdbcOpenCases implements OpenCases {

    private static final double METERS_PER_DEGREE_LAT = 110_574;
    private static final int LOCK_NAMESPACE = 0x6777; // "gw": keeps our advisory locks apart from others'

    private final JdbcTemplate jdbc;

    public JdbcOpenCases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lockCategory(String categoryCode) {
        jdbc.query("select pg_advisory_xact_lock(?, hashtext(?))", rs -> null, LOCK_NAMESPACE, categoryCode);
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
