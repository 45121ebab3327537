package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.api.shared.PhotoRef;
import java.time.Instant;
import java.util.List;

/** A report of the same hazard joined this open case instead of opening another; its reporter corroborates it. */
public record ReportAttachedEvent(String caseId, String reportId, String reporterId, GeoPoint location, String description, List<PhotoRef> photos, Instant deviceTime, Instant filedAt, int reportCount, int priority) implements CaseEvent {
}
