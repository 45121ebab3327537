package city.gridwhistle.query.gazetteer;

import city.gridwhistle.api.grid.FindGridMapQuery;
import city.gridwhistle.api.grid.GridMap;
import city.gridwhistle.api.grid.LocateAddressQuery;
import city.gridwhistle.api.grid.LocatedAddress;
import city.gridwhistle.api.shared.GeoPoint;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Locates an address by the longest cell name it contains, else the longest community name. A cell answers with
 * a point inside it; a community with the point, among its cells' inner points, nearest their mean, so that the
 * answer always lies inside the grid and routes to a cell of that community.
 */
@Component
public class GazetteerQueries {

    private static final TypeReference<List<GeoPoint>> RING = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public GazetteerQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @QueryHandler
    public Optional<LocatedAddress> handle(LocateAddressQuery query) {
        String text = query.text() == null ? "" : query.text().replaceAll("\\s+", "");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<Named> cells = jdbc.query("""
                select name, boundary from gazetteer_cell
                 where position(name in ?) > 0 order by length(name) desc, cell_code limit 1""",
                (rs, n) -> new Named(rs.getString(1), shape(rs.getString(2))), text);
        if (!cells.isEmpty()) {
            Named cell = cells.getFirst();
            return Optional.of(new LocatedAddress(cell.name(), true, cell.shape().interiorPoint()));
        }
        List<String> communities = jdbc.queryForList("""
                select community from gazetteer_cell
                 where community is not null and position(community in ?) > 0
                 group by community order by length(community) desc, community limit 1""", String.class, text);
        if (communities.isEmpty()) {
            return Optional.empty();
        }
        String community = communities.getFirst();
        List<GeoPoint> inner = jdbc.query("select boundary from gazetteer_cell where community = ? order by cell_code",
                (rs, n) -> shape(rs.getString(1)).interiorPoint(), community);
        GeoPoint mean = new GeoPoint(inner.stream().mapToDouble(GeoPoint::lat).average().orElseThrow(),
                inner.stream().mapToDouble(GeoPoint::lon).average().orElseThrow());
        GeoPoint nearest = inner.stream().min(Comparator.comparingDouble(mean::distanceMetersTo)).orElseThrow();
        return Optional.of(new LocatedAddress(community, false, nearest));
    }

    /** The cells to draw, the worker's own (their 责任网格, from the viewer directory) marked. */
    @QueryHandler
    public GridMap handle(FindGridMapQuery query) {
        return new GridMap(jdbc.query("""
                select g.cell_code, g.name, g.community, g.boundary,
                       exists (select 1 from viewer_worker_cell w where w.cell_code = g.cell_code and w.worker_id = ?)
                  from gazetteer_cell g order by g.cell_code""",
                (rs, n) -> new GridMap.Cell(rs.getString(1), rs.getString(2), rs.getString(3),
                        shape(rs.getString(4)).ring(), rs.getBoolean(5)), query.workerId()));
    }

    private CellShape shape(String boundary) {
        try {
            return new CellShape(json.readValue(boundary, RING));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable cell boundary", e);
        }
    }

    private record Named(String name, CellShape shape) {
    }
}
