package city.gridwhistle.api.rider;

import city.gridwhistle.api.shared.GeoPoint;
import java.time.Instant;
import java.util.Set;

/**
 * Every station within a bounding box (north-west and south-east corners), for maps, answered with
 * {@link StationsInBox}; "open" judged at {@code at} (null: now).
 */
public record FindStationsInBoxQuery(GeoPoint northWest, GeoPoint southEast, Set<String> services, Instant at) {

    /** More than the city's 426 stations: a map of the whole city gets them all. */
    public static final int MAX_STATIONS = 2000;

    public FindStationsInBoxQuery {
        services = services == null ? Set.of() : Set.copyOf(services);
    }
}
