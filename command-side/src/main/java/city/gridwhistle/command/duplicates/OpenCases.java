package city.gridwhistle.command.duplicates;

import city.gridwhistle.api.shared.GeoPoint;
import java.util.Optional;

/** Open cases by category and place, as the command side knows them (never the search index). */
public interface OpenCases {

    /**
     * Serialises intake of one category around one point until the current transaction ends, so that of two
     * reports of the same hazard (same category, within the radius of each other) filed at once the second sees
     * the case the first opened. Reports of the category farther apart need not wait for each other.
     */
    void lockNeighbourhood(String categoryCode, GeoPoint point, int radiusMeters);

    /** The nearest open case of the category within the radius of the point, if any. */
    Optional<String> nearestOpen(String categoryCode, GeoPoint point, int radiusMeters);
}
