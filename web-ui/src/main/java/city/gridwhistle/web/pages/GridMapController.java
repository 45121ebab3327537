package city.gridwhistle.web.pages;

import city.gridwhistle.api.grid.FindGridMapQuery;
import city.gridwhistle.api.grid.GridMap;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.web.security.GridUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The grid as GeoJSON for the pages' maps: one Polygon feature per cell (WGS84, [lon, lat]); a grid worker's own
 * cells carry {@code mine: true}. No tile server is needed to draw it.
 */
@RestController
class GridMapController {

    private final QueryGateway queries;

    GridMapController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping(path = "/grid.geojson", produces = "application/geo+json")
    ResponseEntity<Map<String, Object>> grid(@AuthenticationPrincipal GridUser me) {
        String worker = me.role() == Role.GRID_WORKER ? me.subjectId() : null;
        GridMap map = queries.query(new FindGridMapQuery(worker), GridMap.class).join();
        List<Map<String, Object>> features = new ArrayList<>();
        for (GridMap.Cell cell : map.cells()) {
            List<List<Double>> ring = new ArrayList<>();
            for (GeoPoint point : cell.boundary()) {
                ring.add(List.of(point.lon(), point.lat()));
            }
            if (!ring.isEmpty() && !ring.getFirst().equals(ring.getLast())) {
                ring.add(ring.getFirst());
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("code", cell.cellCode());
            properties.put("name", cell.name());
            properties.put("community", cell.community());
            properties.put("mine", cell.mine());
            features.add(Map.of("type", "Feature", "properties", properties,
                    "geometry", Map.of("type", "Polygon", "coordinates", List.of(ring))));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(Map.of("type", "FeatureCollection", "features", features));
    }
}
