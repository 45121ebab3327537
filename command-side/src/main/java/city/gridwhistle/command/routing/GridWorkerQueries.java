package city.gridwhistle.command.routing;

import city.gridwhistle.api.grid.FindGridWorkersQuery;
import city.gridwhistle.api.grid.GridWorkers;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lists the grid workers from the routing tables: the cells and duty that route the next report, exactly as
 * routing sees them (administrators change them and want to see the effect at once, not eventually).
 */
@Component
public class GridWorkerQueries {

    private final JdbcTemplate jdbc;

    public GridWorkerQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public GridWorkers handle(FindGridWorkersQuery query) {
        return new GridWorkers(jdbc.query("""
                select w.worker_id, w.display_name, w.on_duty,
                       (select count(*) from case_assignment a where a.worker_id = w.worker_id),
                       array_remove(array_agg(c.cell_code order by c.cell_code), null)
                  from grid_worker w left join grid_worker_cell c on c.worker_id = w.worker_id
                 group by w.worker_id, w.display_name, w.on_duty
                 order by w.worker_id""",
                (rs, n) -> new GridWorkers.Worker(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4),
                        strings(rs.getArray(5)))));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
