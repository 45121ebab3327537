package city.gridwhistle.web.grid;

import city.gridwhistle.api.casework.CellRef;
import city.gridwhistle.api.grid.DefineGridCellCommand;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.web.problem.FieldError;
import city.gridwhistle.web.problem.InvalidRequestException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An uploaded grid file, checked whole before anything is sent: a GeoJSON FeatureCollection of Polygons (WGS84,
 * [lon, lat]), one feature per cell with the properties the demo city's file has (code, name, districtCode,
 * district, streetCode, street, communityCode, community). Every fault is named by its path
 * ({@code features[3].properties.code}), so a city fixes its file in one go.
 */
final class GridFile {

    static final int MAX_CELLS = 5000;
    private static final int MAX_NAME = 100;

    private GridFile() {
    }

    static List<DefineGridCellCommand> cells(JsonNode file) {
        List<FieldError> errors = new ArrayList<>();
        if (file == null || !"FeatureCollection".equals(file.path("type").asText())) {
            throw new InvalidRequestException(List.of(new FieldError("type", "a grid file is a GeoJSON FeatureCollection")));
        }
        JsonNode features = file.path("features");
        if (!features.isArray() || features.isEmpty()) {
            throw new InvalidRequestException(List.of(new FieldError("features", "at least one cell is required")));
        }
        if (features.size() > MAX_CELLS) {
            throw new InvalidRequestException(List.of(new FieldError("features", "at most " + MAX_CELLS + " cells at once")));
        }
        List<DefineGridCellCommand> cells = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            DefineGridCellCommand cell = cell("features[" + i + "]", features.get(i), errors);
            if (cell != null && !codes.add(cell.cellCode())) {
                errors.add(new FieldError("features[" + i + "].properties.code", "the file has cell " + cell.cellCode()
                        + " twice"));
            }
            cells.add(cell);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return cells;
    }

    private static DefineGridCellCommand cell(String at, JsonNode feature, List<FieldError> errors) {
        int before = errors.size();
        if (!"Feature".equals(feature.path("type").asText())) {
            errors.add(new FieldError(at + ".type", "each cell is a GeoJSON Feature"));
            return null;
        }
        JsonNode p = feature.path("properties");
        String props = at + ".properties.";
        String code = text(p, "code", props, errors);
        if (code != null && !code.matches("\\d{14}")) {
            errors.add(new FieldError(props + "code", "a cell code has 14 digits: county(6) street(3) community(3) cell(2)"));
        }
        String districtCode = prefix(p, "districtCode", code, 6, props, errors);
        String streetCode = prefix(p, "streetCode", code, 9, props, errors);
        String communityCode = prefix(p, "communityCode", code, 12, props, errors);
        String name = name(p, "name", props, errors);
        String district = name(p, "district", props, errors);
        String street = name(p, "street", props, errors);
        String community = name(p, "community", props, errors);
        List<GeoPoint> ring = ring(at + ".geometry", feature.path("geometry"), errors);
        if (errors.size() > before) {
            return null;
        }
        return new DefineGridCellCommand(code, new CellRef(code, name, districtCode, district, streetCode, street,
                communityCode, community), ring);
    }

    private static String prefix(JsonNode p, String field, String code, int digits, String props, List<FieldError> errors) {
        String value = text(p, field, props, errors);
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{" + digits + "}")) {
            errors.add(new FieldError(props + field, "a " + field + " has " + digits + " digits"));
        } else if (code != null && code.matches("\\d{14}") && !code.startsWith(value)) {
            errors.add(new FieldError(props + field, "must be the first " + digits + " digits of the cell code"));
        }
        return value;
    }

    private static String name(JsonNode p, String field, String props, List<FieldError> errors) {
        String given = text(p, field, props, errors);
        if (given == null) {
            return null;
        }
        String value = given.strip();
        if (value.isEmpty() || value.length() > MAX_NAME) {
            errors.add(new FieldError(props + field, "1.." + MAX_NAME + " characters"));
        }
        return value;
    }

    private static List<GeoPoint> ring(String at, JsonNode geometry, List<FieldError> errors) {
        if (!"Polygon".equals(geometry.path("type").asText())) {
            errors.add(new FieldError(at + ".type", "a cell is a Polygon"));
            return List.of();
        }
        JsonNode outer = geometry.path("coordinates").path(0);
        List<GeoPoint> ring = new ArrayList<>();
        for (int j = 0; j < outer.size(); j++) {
            JsonNode position = outer.get(j);
            String where = at + ".coordinates[0][" + j + "]";
            if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
                errors.add(new FieldError(where, "a position is [longitude, latitude]"));
                return List.of();
            }
            double lon = position.get(0).asDouble();
            double lat = position.get(1).asDouble();
            if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
                errors.add(new FieldError(where, "longitude within -180..180, latitude within -90..90"));
                return List.of();
            }
            ring.add(new GeoPoint(lat, lon));
        }
        if (ring.stream().distinct().count() < 3) {
            errors.add(new FieldError(at + ".coordinates", "a cell boundary needs at least three distinct corners"));
        }
        return ring;
    }

    /** The field's text, "" when it is missing or null; null (and an error) when it is a value of another type. */
    private static String text(JsonNode node, String field, String props, List<FieldError> errors) {
        JsonNode value = node.path(field);
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        errors.add(new FieldError(props + field, "expected text (a JSON string), not "
                + (value.isNumber() ? "a number" : value.isBoolean() ? "true or false"
                : value.isArray() ? "an array" : "an object")));
        return null;
    }
}
