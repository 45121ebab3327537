package city.gridwhistle.web.stations;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A station's details as an administrator sends them, to register a station or to replace its details.
 *
 * @param stationId optional when registering (one is made up), ignored unless equal to the path when updating
 * @param services  service codes such as CHARGING, BATTERY_SWAP, HOT_WATER (case does not matter)
 * @param opens     {@code HH:mm} in city time; {@code closes} may be earlier (open across midnight) or
 *                  {@code 24:00}; {@code opens == closes} (or 00:00–24:00) means around the clock
 */
public record StationRequest(
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,39}",
                message = "a station id has 1..40 letters, digits, '-' or '_'") String stationId,
        @NotBlank(message = "a name is required")
        @Size(max = 100, message = "a name may have at most 100 characters") String name,
        @Size(max = 500, message = "an address may have at most 500 characters") String address,
        @NotNull(message = "a latitude is required")
        @DecimalMin(value = "-90", message = "a latitude lies within -90..90")
        @DecimalMax(value = "90", message = "a latitude lies within -90..90") Double lat,
        @NotNull(message = "a longitude is required")
        @DecimalMin(value = "-180", message = "a longitude lies within -180..180")
        @DecimalMax(value = "180", message = "a longitude lies within -180..180") Double lon,
        @Size(max = 30, message = "at most 30 services")
        List<@NotBlank(message = "a service code is required")
                @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]{0,39}", message = "a service is a code such as HOT_WATER")
                String> services,
        @NotNull(message = "an opening time is required")
        @Pattern(regexp = HOUR_MINUTE, message = "a time of day as HH:mm") String opens,
        @NotNull(message = "a closing time is required")
        @Pattern(regexp = HOUR_MINUTE, message = "a time of day as HH:mm (24:00 for midnight)") String closes,
        @Size(max = 100, message = "an operator may have at most 100 characters") String operator) {

    static final String HOUR_MINUTE = "([01][0-9]|2[0-3]):[0-5][0-9]|24:00";
}
