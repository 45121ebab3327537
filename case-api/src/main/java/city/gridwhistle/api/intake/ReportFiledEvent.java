package city.gridwhistle.api.intake;

import city.gridwhistle.api.casework.CaseEvent;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.api.shared.PhotoRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A report was received and opened a case. Device time is the phone's clock; filedAt is the server's.
 * {@code attributes} (added by issue #24) are the answers to the category's questions, code to value; events
 * stored before it have none, and read back with an empty map.
 */
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
        Instant filedAt,
        Map<String, String> attributes) implements CaseEvent {

    public ReportFiledEvent {
        attributes = attributes == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(attributes));
    }

    /** A report without answers to its category's questions. */
    public ReportFiledEvent(String caseId, String reportId, String reporterId, String categoryCode, GeoPoint location,
                            String address, String description, List<PhotoRef> photos, Instant deviceTime,
                            Instant filedAt) {
        this(caseId, reportId, reporterId, categoryCode, location, address, description, photos, deviceTime, filedAt,
                Map.of());
    }
}
