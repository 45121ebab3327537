package city.gridwhistle.web.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-ins are throttled (decision 0048), beside {@code gridwhistle.security.max-failed-logins} (the failures
 * one name may have before each attempt waits) and {@code gridwhistle.security.lockout} (the longest wait).
 *
 * @param freeFailuresPerAddress failures from one address, over every name, before each attempt from it waits
 * @param firstDelay             the first wait; each further failure doubles it, up to the longest wait
 * @param forgetAfter            failures of a name or address that tried nothing for this long are forgotten
 */
@ConfigurationProperties("gridwhistle.security.sign-in")
public record SignInSettings(
        @DefaultValue("50") int freeFailuresPerAddress,
        @DefaultValue("1s") Duration firstDelay,
        @DefaultValue("1h") Duration forgetAfter) {
}
