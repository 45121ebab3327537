package city.gridwhistle.web.stations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a station is out of service; riders see it. */
public record CloseStationRequest(
        @NotBlank(message = "a reason is required")
        @Size(max = 200, message = "a reason may have at most 200 characters") String reason) {
}
