package city.gridwhistle.api.intake;

import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.api.shared.PhotoRef;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A rider files a hazard report (随手拍): where, what kind, what they saw, with photos already stored by hash.
 * The case id is chosen by the sender so a retried request can be recognised.
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
        Instant deviceTime) {

    public static final int MAX_DESCRIPTION_LENGTH = 4000;

    public FileReportCommand {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }
}
