package city.gridwhistle.web.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings.
 *
 * @param tokenTtl          how long a bearer token lives
 * @param maxFailedLogins   wrong passwords in a row before an account locks
 * @param lockout           how long a locked account stays locked
 * @param reportsPerWindow  reports one person may file within {@code reportWindow}; 0 turns the limit off (for
 *                          load tests only: the benchmark files thousands of reports a second from 50 riders)
 * @param reportWindow      the window of the filing rate limit
 * @param adminPassword     when set and no administrator exists, an {@code admin} account is created with it
 *                          (the way to bootstrap an installation on external servers, where no demo accounts exist)
 */
@ConfigurationProperties("gridwhistle.security")
public record SecuritySettings(
        @DefaultValue("12h") Duration tokenTtl,
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockout,
        @DefaultValue("10") int reportsPerWindow,
        @DefaultValue("10m") Duration reportWindow,
        String adminPassword) {

    @Override
    public String toString() {
        return "SecuritySettings[tokenTtl=" + tokenTtl + ", maxFailedLogins=" + maxFailedLogins + ", lockout="
                + lockout + ", reportsPerWindow=" + reportsPerWindow + ", reportWindow=" + reportWindow + "]";
    }
}
