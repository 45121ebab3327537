package city.gridwhistle.web.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Partners' API keys.
 *
 * @param ttl     how long a new key lives when its creation names no {@code validDays}
 * @param maxTtl  the longest life a key may be created with
 */
@ConfigurationProperties("gridwhistle.security.api-keys")
public record ApiKeySettings(@DefaultValue("365d") Duration ttl, @DefaultValue("730d") Duration maxTtl) {
}
