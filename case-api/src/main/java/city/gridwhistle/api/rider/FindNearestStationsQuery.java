package city.gridwhistle.api.rider;

import city.gridwhistle.api.shared.GeoPoint;
import java.time.Instant;
import java.util.Set;

/**
 * The stations nearest to a point, nearest first, answered with {@link NearestStations}.
 *
 * @param services each of these must be offered (empty: any station)
 * @param openOnly only stations open at {@code at}: within their hours (city time) and not out of service
 * @param at       the instant "open" is judged at; null: now
 */
public record FindNearestStationsQuery(GeoPoint point, int limit, Set<String> services, boolean openOnly, Instant at) {

    public static final int MAX_LIMIT = 50;

    public FindNearestStationsQuery {
        services = services == null ? Set.of() : Set.copyOf(services);
    }
}
