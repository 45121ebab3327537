package city.gridwhistle.web.open311;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Open311 settings.
 *
 * @param jurisdictionId    the one jurisdiction this endpoint serves; a request naming another is refused
 * @param contact           who answers for the endpoint, as discovery publishes it
 * @param requestsPerMinute calls one address may make in any minute (per instance); 0 lets all through
 * @param mediaSecret       the secret that signs media_url links (at least 32 characters; the same on every
 *                          instance); unset: no media_url for anyone (decision 0050)
 * @param mediaKeyId        the id of that secret, carried in each link, so that a new secret can replace it
 * @param mediaLinkTtl      how long a media_url link stays fetchable
 */
@ConfigurationProperties("gridwhistle.open311")
public record Open311Properties(
        @DefaultValue("gridwhistle.city") String jurisdictionId,
        @DefaultValue("GridWhistle operations, ops@gridwhistle.city") String contact,
        @DefaultValue("120") int requestsPerMinute,
        String mediaSecret,
        @DefaultValue("k1") String mediaKeyId,
        @DefaultValue("24h") java.time.Duration mediaLinkTtl) {
}
