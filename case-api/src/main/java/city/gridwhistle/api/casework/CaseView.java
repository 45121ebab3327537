package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.GeoPoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A case as the search index holds it. Carries no reporter identity: at most the reporter's pseudonymous handle.
 * Readers get it {@linkplain #seenWith as their sight allows}.
 *
 * @param step           the timed step now running (DISPATCH, ACCEPT, HANDLE, VERIFY), or null
 * @param stepDueAt      when that step is due
 * @param overdueSteps   the steps that ran past their limit, in order
 * @param allowedActions what the case's state allows (who may is checked when it is tried)
 * @param attributes     the answers to the category's questions given with the report (Open311's attributes),
 *                       for those who handle the case
 */
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
        String reporterHandle,
        boolean awaitingSupervisor,
        int reportCount,
        int priority,
        int followerCount,
        int reworkCount,
        boolean escalated,
        List<String> overdueSteps,
        String step,
        Instant stepDueAt,
        boolean stepWarned,
        String statusNote,
        List<String> photoHashes,
        List<String> resolutionPhotoHashes,
        Instant reportedAt,
        Instant registeredAt,
        Instant dispatchedAt,
        Instant acceptedAt,
        Instant resolvedAt,
        Instant closedAt,
        List<CaseAction> allowedActions,
        long version,
        Map<String, String> attributes) {

    public CaseView {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /**
     * The case as a reader with this sight may see it (docs/security.md): everything for those who handle it; for
     * everyone else the public view, which never names who handles it, who reported it, nor carries internal
     * reasons and notes; its photos only for those who reported it.
     */
    public CaseView seenWith(CaseSight sight) {
        return switch (sight) {
            case HANDLER -> this;
            case REPORTER -> publicView(true);
            case FOLLOWER, PUBLIC -> publicView(false);
            case NONE -> throw new IllegalArgumentException("a case its reader may not see has no view");
        };
    }

    private CaseView publicView(boolean withPhotos) {
        return new CaseView(caseId, status, categoryCode, categoryZh, categoryEn, urgency, description, address,
                location, cell, null, null, awaitingSupervisor, reportCount, priority, followerCount, reworkCount,
                escalated, overdueSteps, step, stepDueAt, stepWarned, null, withPhotos ? photoHashes : List.of(),
                withPhotos ? resolutionPhotoHashes : List.of(), reportedAt, registeredAt, dispatchedAt, acceptedAt,
                resolvedAt, closedAt, allowedActions, version, Map.of());
    }
}
