package city.gridwhistle.query.gazetteer;

import city.gridwhistle.api.casework.CellRef;
import city.gridwhistle.api.grid.GridCellDefinedEvent;
import city.gridwhistle.api.grid.GridCellRedrawnEvent;
import city.gridwhistle.api.shared.GeoPoint;
import java.util.List;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each grid cell's names and boundary. Idempotent: a cell is keyed by its code, a replay rewrites the same row. */
@Component
@ProcessingGroup(GazetteerProjection.GROUP)
public class GazetteerProjection {

    public static final String GROUP = "grid-gazetteer";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public GazetteerProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(GridCellDefinedEvent event) {
        upsert(event.cellCode(), event.cell(), event.boundary());
    }

    /** A redrawn cell replaces its row: names and boundary are the latest definition's. */
    @EventHandler
    void on(GridCellRedrawnEvent event) {
        upsert(event.cellCode(), event.cell(), event.boundary());
    }

    private void upsert(String cellCode, CellRef cell, List<GeoPoint> boundary) {
        jdbc.update("""
                insert into gazetteer_cell (cell_code, name, community_code, community, boundary)
                values (?, ?, ?, ?, ?)
                on conflict (cell_code) do update set name = excluded.name, community_code = excluded.community_code,
                    community = excluded.community, boundary = excluded.boundary""",
                cellCode, cell.cellName(), cell.communityCode(), cell.community(), write(boundary));
    }

    private String write(List<GeoPoint> boundary) {
        try {
            return json.writeValueAsString(boundary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
