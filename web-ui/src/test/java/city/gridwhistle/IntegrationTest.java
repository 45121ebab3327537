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
            "gridwhistle.notify.webhooks.allow-loopback=true"})
public @interface IntegrationTest {
}
