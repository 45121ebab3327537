package city.gridwhistle.command.duplicates;

import city.gridwhistle.api.shared.GeoPoint;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Open cases held in memory, for fixture tests of the intake; the JDBC one is tested against PostgreSQL. */
public final class InMemoryOpenCases implements OpenCases {

    private record OpenCase(String categoryCode, GeoPoint where) {
    }

    private final Map<String, OpenCase> open = new HashMap<>();

    public InMemoryOpenCases open(String caseId, String categoryCode, GeoPoint where) {
        open.put(caseId, new OpenCase(categoryCode, where));
        return this;
    }

    @Override
    public void lockNeighbourhood(String categoryCode, GeoPoint point, int radiusMeters) {
        // a fixture runs one command at a time
    }

    @Override
    public Optional<String> nearestOpen(String categoryCode, GeoPoint point, int radiusMeters) {
        return open.entrySet().stream()
                .filter(e -> e.getValue().categoryCode().equals(categoryCode))
                .filter(e -> e.getValue().where().distanceMetersTo(point) <= radiusMeters)
                .min(Comparator.comparingDouble(e -> e.getValue().where().distanceMetersTo(point)))
                .map(Map.Entry::getKey);
    }
}
