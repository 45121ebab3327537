package city.gridwhistle.query.access;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the query side's own view of people: each worker's cells, each rider's pseudonymous handle. */
@Component
public class ViewerDirectory {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public ViewerDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public List<String> cellsOf(String workerId) {
        return jdbc.queryForList("select cell_code from viewer_worker_cell where worker_id = ?", String.class, workerId);
    }

    public Map<String, String> handlesOf(Collection<String> riderIds) {
        if (riderIds.isEmpty()) {
            return Map.of();
        }
        return named.query("select rider_id, handle from viewer_rider_handle where rider_id in (:ids)",
                        Map.of("ids", riderIds), (rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
