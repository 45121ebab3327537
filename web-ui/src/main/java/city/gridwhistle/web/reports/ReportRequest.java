package city.gridwhistle.web.reports;

import city.gridwhistle.web.PlainText;
import city.gridwhistle.api.intake.FileReportCommand;
import io.swagger.v3.oas.annotations.media.Schema;
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
        @Schema(example = "C0101", description = "a category code from the catalogue (GET /open311/v2/services.json)")
        @NotBlank(message = "a category code is required") @PlainText String categoryCode,
        @Schema(example = "30.610096")
        @NotNull(message = "a latitude is required")
        @DecimalMin(value = "-90", message = "a latitude lies within -90..90")
        @DecimalMax(value = "90", message = "a latitude lies within -90..90") Double lat,
        @Schema(example = "104.127508")
        @NotNull(message = "a longitude is required")
        @DecimalMin(value = "-180", message = "a longitude lies within -180..180")
        @DecimalMax(value = "180", message = "a longitude lies within -180..180") Double lon,
        @Schema(example = "粮丰社区门口窨井盖缺失，电动车差点掉进去")
        @NotBlank(message = "a description of what was seen is required")
        @Size(max = FileReportCommand.MAX_DESCRIPTION_LENGTH,
                message = "a description may have at most " + FileReportCommand.MAX_DESCRIPTION_LENGTH + " characters")
        @PlainText String description,
        @Schema(example = "成龙大道二段粮丰社区东门")
        @Size(max = 500, message = "an address may have at most 500 characters") @PlainText String address,
        Instant deviceTime) {
}
