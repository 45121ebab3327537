package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.GeoPoint;

/**
 * Cases matching free text and filters, newest first. Every filter is optional (null means any).
 *
 * @param near               with {@code radiusMeters}, only cases within that distance of the point
 * @param awaitingSupervisor true: the supervisors' queue (no worker on duty took the case)
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
        int size) {

    public static final int MAX_PAGE_SIZE = 100;
}
