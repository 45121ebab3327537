package city.gridwhistle.api.notify;

import city.gridwhistle.api.casework.CaseStatus;
import java.time.Instant;
import java.util.List;

/**
 * One entry of a rider's inbox, in public terms only: the case, its status, the current step's due time and the
 * resolution photos' hashes; never who handled the case or who else reported it.
 *
 * @param confirmation the request to confirm the fix, on the notification that the rider's own case was resolved;
 *                     null otherwise
 */
public record RiderNotification(
        String id,
        String riderId,
        String caseId,
        NotificationKind kind,
        CaseStatus status,
        String categoryCode,
        Instant dueAt,
        List<String> photoHashes,
        LocalizedText text,
        Confirmation confirmation,
        boolean read,
        Instant at) {
}
