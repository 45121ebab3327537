package city.gridwhistle.web.demo;

import city.gridwhistle.api.casework.CellRef;
import city.gridwhistle.api.grid.DefineGridCellCommand;
import city.gridwhistle.api.shared.GeoPoint;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads grid cells from a GeoJSON FeatureCollection of Polygons (WGS84, [lon, lat]), one feature per cell with
 * properties code, name, districtCode, district, streetCode, street, communityCode and community. A real city
 * brings its own grid in this form.
 */
public final class GridGeoJson {

    private GridGeoJson() {
    }

    public static List<DefineGridCellCommand> cells(JsonNode featureCollection) {
        if (!"FeatureCollection".equals(featureCollection.path("type").asText())) {
            throw new IllegalArgumentException("a grid file is a GeoJSON FeatureCollection");
        }
        List<DefineGridCellCommand> cells = new ArrayList<>();
        for (JsonNode feature : featureCollection.path("features")) {
            JsonNode p = feature.path("properties");
            JsonNode geometry = feature.path("geometry");
            if (!"Polygon".equals(geometry.path("type").asText())) {
                throw new IllegalArgumentException("cell " + p.path("code").asText() + " is not a Polygon");
            }
            List<GeoPoint> ring = new ArrayList<>();
            for (JsonNode position : geometry.path("coordinates").path(0)) {
                ring.add(new GeoPoint(position.get(1).asDouble(), position.get(0).asDouble()));
            }
            String code = p.path("code").asText();
            cells.add(new DefineGridCellCommand(code, new CellRef(code, p.path("name").asText(),
                    p.path("districtCode").asText(), p.path("district").asText(), p.path("streetCode").asText(),
                    p.path("street").asText(), p.path("communityCode").asText(), p.path("community").asText()), ring));
        }
        return cells;
    }
}
