package city.gridwhistle.web.outage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the application behaves while a backend is down.
 *
 * @param retryAfter      the {@code Retry-After} of 503 answers
 * @param probeInterval   how often a database known to be down is tried again
 * @param credentialGrace how long a bearer token or API key, once checked against the database, is still honoured
 *                        from memory while the database is down (reads from search keep working)
 */
@ConfigurationProperties("gridwhistle.outage")
public record OutageProperties(
        @DefaultValue("15s") Duration retryAfter,
        @DefaultValue("2s") Duration probeInterval,
        @DefaultValue("15m") Duration credentialGrace) {
}
