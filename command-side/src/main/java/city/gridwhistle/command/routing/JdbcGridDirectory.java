package city.gridwhistle.command.routing;

import city.gridwhistle.api.casework.CellRef;
import city.gridwhistle.api.shared.GeoPoint;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The grid directory over the command-side tables kept by {@link GridLookupProjection}. */
@Component
public class JdbcGridDirectory implements GridDirectory {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public JdbcGridDirectory(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<CellShape> cellsAround(GeoPoint point) {
        return jdbc.query("""
                select cell_code, name, district_code, district, street_code, street, community_code, community,
                       boundary
                  from grid_cell
                 where box(point(min_lon, min_lat), point(max_lon, max_lat)) && box(point(?, ?), point(?, ?))""",
                (rs, n) -> new CellShape(
                        new CellRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
                        boundary(rs.getString(9))),
                point.lon(), point.lat(), point.lon(), point.lat());
    }

    @Override
    public List<WorkerLoad> onDutyWorkers(String cellCode) {
        return jdbc.query("""
                select w.worker_id, (select count(*) from case_assignment a where a.worker_id = w.worker_id)
                  from grid_worker w join grid_worker_cell c on c.worker_id = w.worker_id
                 where c.cell_code = ? and w.on_duty""",
                (rs, n) -> new WorkerLoad(rs.getString(1), rs.getInt(2)), cellCode);
    }

    @Override
    public Optional<CellRef> cell(String cellCode) {
        return jdbc.query("""
                select cell_code, name, district_code, district, street_code, street, community_code, community
                  from grid_cell where cell_code = ?""",
                (rs, n) -> new CellRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)), cellCode)
                .stream().findFirst();
    }

    @Override
    public boolean isWorkerOfCell(String workerId, String cellCode) {
        Integer count = jdbc.queryForObject(
                "select count(*) from grid_worker_cell where worker_id = ? and cell_code = ?", Integer.class,
                workerId, cellCode);
        return count != null && count > 0;
    }

    private List<GeoPoint> boundary(String text) {
        try {
            return List.of(json.readValue(text, GeoPoint[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable cell boundary", e);
        }
    }
}
