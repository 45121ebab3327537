package city.gridwhistle.web.health;

import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code projections} health component: DOWN when a processor is stopped or in error, otherwise UP with each
 * processor's lag. A lag alone is not an outage: the read models catch up.
 */
@Component("projections")
class ProjectionsHealthIndicator implements HealthIndicator {

    private final ProcessorLag lag;

    ProjectionsHealthIndicator(ProcessorLag lag) {
        this.lag = lag;
    }

    @Override
    public Health health() {
        Map<String, ProcessorLag.Status> statuses = lag.statuses();
        boolean healthy = statuses.values().stream().allMatch(s -> s.running() && !s.error());
        return (healthy ? Health.up() : Health.down()).withDetails(Map.copyOf(statuses)).build();
    }
}
