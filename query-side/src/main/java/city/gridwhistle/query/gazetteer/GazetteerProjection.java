package city.gridwhistle.query.gazetteer;

import city.gridwhistle.api.grid.GridCellDefinedEvent;
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
        jdbc.update("""
                insert into gazetteer_cell (cell_code, name, community_code, community, boundary)
                values (?, ?, ?, ?, ?)
                on conflict (cell_code) do update set name = excluded.name, community_code = excluded.community_code,
                    community = excluded.community, boundary = excluded.boundary""",
                event.cellCode(), event.cell().cellName(), event.cell().communityCode(), event.cell().community(),
                write(event));
    }

    private String write(GridCellDefinedEvent event) {
        try {
            return json.writeValueAsString(event.boundary());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
