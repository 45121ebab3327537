package city.gridwhistle;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port against the embedded PostgreSQL and Elasticsearch, with the demo city.
 * Every test class carrying this shares one application context, hence one start of each server per JVM. Metrics
 * are exported as in production, so that {@code /actuator/prometheus} answers.
 */
@Target(ElementType.TYPE)
// tests switch metric export off by default; the Prometheus scrape is part of what is tested
@AutoConfigureObservability(tracing = false)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Open311's limit per address is off: every test calls from 127.0.0.1 (Open311RateLimitIntegrationTest
        // tries it on a context of its own)
        properties = {"gridwhistle.demo.enabled=true", "gridwhistle.open311.requests-per-minute=0",
            // the tests' webhook receivers listen on this machine
            "gridwhistle.notify.webhooks.allow-loopback=true",
            // a stream whose client went away is found within two heartbeats: seconds, not the production 40 s;
            // and an instance full of streams is within a test's reach (LiveStreamLimitsIntegrationTest)
            "gridwhistle.limits.stream-heartbeat=1s", "gridwhistle.limits.streams=40",
            // Open311's media_url links are signed with it (Open311ClientsIntegrationTest signs an expired one)
            "gridwhistle.open311.media-secret=" + IntegrationTest.MEDIA_SECRET})
public @interface IntegrationTest {

    /** The secret the tests' servers sign Open311's media links with. */
    String MEDIA_SECRET = "test-media-secret-0123456789abcdef0123456789";
}
