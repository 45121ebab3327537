package city.gridwhistle.web.open311;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Open311 settings.
 *
 * @param jurisdictionId    the one jurisdiction this endpoint serves; a request naming another is refused
 * @param contact           who answers for the endpoint, as discovery publishes it
 * @param requestsPerMinute calls one address may make in any minute (per instance); 0 lets all through
 */
@ConfigurationProperties("gridwhistle.open311")
public record Open311Properties(
        @DefaultValue("gridwhistle.city") String jurisdictionId,
        @DefaultValue("GridWhistle operations, ops@gridwhistle.city") String contact,
        @DefaultValue("120") int requestsPerMinute) {
}
