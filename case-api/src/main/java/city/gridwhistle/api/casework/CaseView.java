package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.GeoPoint;
import java.time.Instant;
import java.util.List;

/** A case as the search index holds it. Carries no reporter identity. */
public record CaseView(
        String caseId,
        CaseStatus status,
        String categoryCode,
        String categoryZh,
        String categoryEn,
        String urgency,
        String description,
        String address,
        GeoPoint location,
        CellRef cell,
        String workerId,
        boolean awaitingSupervisor,
        int reportCount,
        List<String> photoHashes,
        Instant reportedAt,
        Instant registeredAt,
        Instant dispatchedAt,
        long version) {
}
