package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.CategoryFamily;
import java.time.Instant;
import java.util.Set;

/**
 * Filters of a case search; every one is optional (null or empty: any).
 *
 * @param statuses           any of these states
 * @param reportedFrom       first reported at or after (inclusive)
 * @param reportedTo         first reported before (exclusive)
 * @param overdue            true: the running step is past its due time; false: it is not
 * @param awaitingSupervisor true: the supervisors' queue (nobody on duty took the case)
 * @param escalated          true: escalated (督办) at least once, by a supervisor or by a deadline
 */
public record CaseFilters(
        Set<CaseStatus> statuses,
        CategoryFamily family,
        String majorCode,
        String categoryCode,
        String districtCode,
        String streetCode,
        String communityCode,
        String cellCode,
        String workerId,
        String urgency,
        Instant reportedFrom,
        Instant reportedTo,
        Boolean overdue,
        Boolean awaitingSupervisor,
        Boolean escalated) {

    public static final CaseFilters NONE = new CaseFilters(Set.of(), null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    public CaseFilters {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /** Every filter but {@code escalated}, as searches were written before it existed. */
    public CaseFilters(Set<CaseStatus> statuses, CategoryFamily family, String majorCode, String categoryCode,
                       String districtCode, String streetCode, String communityCode, String cellCode, String workerId,
                       String urgency, Instant reportedFrom, Instant reportedTo, Boolean overdue,
                       Boolean awaitingSupervisor) {
        this(statuses, family, majorCode, categoryCode, districtCode, streetCode, communityCode, cellCode, workerId,
                urgency, reportedFrom, reportedTo, overdue, awaitingSupervisor, null);
    }
}
