package city.gridwhistle.api.intake;

import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.api.shared.PhotoRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A rider files a hazard report (随手拍): where, what kind, what they saw, with photos already stored by hash.
 * The case id is chosen by the sender so a retried request can be recognised. {@code attributes} are the answers
 * to the category's questions (Open311's {@code attribute[code]}), already checked against them; none by default.
 */
public record FileReportCommand(
        @TargetAggregateIdentifier String caseId,
        String reportId,
        String reporterId,
        String categoryCode,
        GeoPoint location,
        String address,
        String description,
        List<PhotoRef> photos,
        Instant deviceTime,
        Map<String, String> attributes) {

    public static final int MAX_DESCRIPTION_LENGTH = 4000;

    public FileReportCommand {
        photos = photos == null ? List.of() : List.copyOf(photos);
        attributes = attributes == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(attributes));
    }

    /** A report without answers to its category's questions, as every channel but Open311 files it. */
    public FileReportCommand(String caseId, String reportId, String reporterId, String categoryCode,
                             GeoPoint location, String address, String description, List<PhotoRef> photos,
                             Instant deviceTime) {
        this(caseId, reportId, reporterId, categoryCode, location, address, description, photos, deviceTime,
                Map.of());
    }
}
