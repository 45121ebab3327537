package city.gridwhistle.query.access;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the query side's own view of people: each worker's cells, each rider's pseudonymous handle. */
@Component
public class ViewerDirectory {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private static final int MAX_KNOWN_HANDLES = 100_000;
    private final ConcurrentHashMap<String, String> knownHandles = new ConcurrentHashMap<>();

    public ViewerDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public List<String> cellsOf(String workerId) {
        return jdbc.queryForList("select cell_code from viewer_worker_cell where worker_id = ?", String.class, workerId);
    }

    /**
     * The riders' pseudonymous handles. Handles read before are remembered (a rider's handle does not change), so
     * that while PostgreSQL is down, search results from Elasticsearch still name the reporters already seen; any
     * other reporter is shown without a handle until the database is back.
     */
    public Map<String, String> handlesOf(Collection<String> riderIds) {
        if (riderIds.isEmpty()) {
            return Map.of();
        }
        try {
            Map<String, String> handles = named.query(
                            "select rider_id, handle from viewer_rider_handle where rider_id in (:ids)",
                            Map.of("ids", riderIds), (rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            if (knownHandles.size() + handles.size() > MAX_KNOWN_HANDLES) {
                knownHandles.clear();
            }
            knownHandles.putAll(handles);
            return handles;
        } catch (DataAccessResourceFailureException | TransientDataAccessException databaseDown) {
            Map<String, String> known = new HashMap<>();
            riderIds.forEach(id -> {
                String handle = knownHandles.get(id);
                if (handle != null) {
                    known.put(id, handle);
                }
            });
            return known;
        }
    }
}
