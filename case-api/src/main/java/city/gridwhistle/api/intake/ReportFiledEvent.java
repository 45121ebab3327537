package city.gridwhistle.api.intake;

import city.gridwhistle.api.casework.CaseEvent;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.api.shared.PhotoRef;
import java.time.Instant;
import java.util.List;

/** A report was received and opened a case. Device time is the phone's clock; filedAt is the server's. */
public record ReportFiledEvent(
        String caseId,
        String reportId,
        String reporterId,
        String categoryCode,
        GeoPoint location,
        String address,
        String description,
        List<PhotoRef> photos,
        Instant deviceTime,
        Instant filedAt) implements CaseEvent {
}
