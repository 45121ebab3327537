package city.gridwhistle.web.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param reason why the data is erased (the request's reference, say); recorded in the event, so no personal data */
public record ErasureRequest(
        @NotBlank(message = "say why the personal data is erased")
        @Size(max = 1000, message = "at most 1000 characters") String reason) {
}
