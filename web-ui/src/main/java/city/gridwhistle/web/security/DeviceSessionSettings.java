package city.gridwhistle.web.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A rider's device that stays signed in ({@link DeviceSessions}).
 *
 * @param ttl how long a device stays signed in without being used; each use starts it afresh
 */
@ConfigurationProperties("gridwhistle.security.devices")
public record DeviceSessionSettings(@DefaultValue("90d") Duration ttl) {
}
