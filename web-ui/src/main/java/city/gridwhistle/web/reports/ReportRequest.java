package city.gridwhistle.web.reports;

import city.gridwhistle.api.intake.FileReportCommand;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A hazard report as a rider's phone sends it. Who reports is the signed-in caller, never a field.
 *
 * @param deviceTime the phone's clock when the photo was taken, kept beside the server's time
 */
public record ReportRequest(
        @NotBlank(message = "a category code is required") String categoryCode,
        @NotNull(message = "a latitude is required")
        @DecimalMin(value = "-90", message = "a latitude lies within -90..90")
        @DecimalMax(value = "90", message = "a latitude lies within -90..90") Double lat,
        @NotNull(message = "a longitude is required")
        @DecimalMin(value = "-180", message = "a longitude lies within -180..180")
        @DecimalMax(value = "180", message = "a longitude lies within -180..180") Double lon,
        @NotBlank(message = "a description of what was seen is required")
        @Size(max = FileReportCommand.MAX_DESCRIPTION_LENGTH,
                message = "a description may have at most " + FileReportCommand.MAX_DESCRIPTION_LENGTH + " characters")
        String description,
        @Size(max = 500, message = "an address may have at most 500 characters") String address,
        Instant deviceTime) {
}
