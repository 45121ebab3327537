package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.GeoPoint;

/**
 * Cases matching free text and filters, newest first. Every filter is optional (null means any).
 *
 * @param near               with {@code radiusMeters}, only cases within that distance of the point
 * @param awaitingSupervisor true: the supervisors' queue (no worker on duty took the case)
 * @param viewer             who asks: results are limited to what they may see
 */
public record SearchCasesQuery(
        String text,
        CaseStatus status,
        String categoryCode,
        String cellCode,
        GeoPoint near,
        Integer radiusMeters,
        Boolean awaitingSupervisor,
        int page,
        int size,
        Actor viewer) {

    public static final int MAX_PAGE_SIZE = 100;
}
