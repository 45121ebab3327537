package city.gridwhistle.query.access;

import java.util.ArrayList;
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
     * The riders' pseudonymous handles. A rider's handle does not change, so handles read before are remembered
     * and only the others are read from PostgreSQL: a page of search results costs no round trip once its
     * reporters have been seen, and while the database is down it still names them; any other reporter is shown
     * without a handle until the database is back. An erased rider's handle is forgotten ({@link #forget}); other
     * instances may still remember it, but the case index no longer names the rider, so nothing asks for it.
     */
    public Map<String, String> handlesOf(Collection<String> riderIds) {
        Map<String, String> handles = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        riderIds.forEach(id -> {
            String handle = knownHandles.get(id);
            if (handle != null) {
                handles.put(id, handle);
            } else {
                unknown.add(id);
            }
        });
        if (unknown.isEmpty()) {
            return handles;
        }
        try {
            Map<String, String> read = named.query(
                            "select rider_id, handle from viewer_rider_handle where rider_id in (:ids)",
                            Map.of("ids", unknown), (rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            if (knownHandles.size() + read.size() > MAX_KNOWN_HANDLES) {
                knownHandles.clear();
            }
            knownHandles.putAll(read);
            handles.putAll(read);
        } catch (DataAccessResourceFailureException | TransientDataAccessException databaseDown) {
            // the reporters not seen before stay unnamed
        }
        return handles;
    }

    /** The rider was erased: their handle is no longer remembered here. */
    public void forget(String riderId) {
        knownHandles.remove(riderId);
    }
}
