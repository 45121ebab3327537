package city.gridwhistle.web.open311;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Open311 settings.
 *
 * @param jurisdictionId the one jurisdiction this endpoint serves; a request naming another is refused
 * @param contact        who answers for the endpoint, as discovery publishes it
 */
@ConfigurationProperties("gridwhistle.open311")
public record Open311Properties(
        @DefaultValue("gridwhistle.city") String jurisdictionId,
        @DefaultValue("GridWhistle operations, ops@gridwhistle.city") String contact) {
}
