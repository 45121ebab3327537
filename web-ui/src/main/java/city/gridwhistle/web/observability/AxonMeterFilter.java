package city.gridwhistle.web.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon publishes, for every bus, store and processor and every message type, an all/success/failure/ignored timer
 * and counter with six client-side quantiles each: most of a scrape. The success and failure timers and counters
 * carry what an operator acts on (rates, errors, latency); the "all" and "ignored" timers only repeat them or stay
 * zero, so they keep their count, sum and maximum but lose their quantiles.
 *
 * <p>They are not denied: Axon builds its timers anew for every message, and Micrometer finds an accepted meter
 * again in a lock-free map, but a denied one goes through the registry's lock every time. With the filter denying
 * them, that lock was the most contended in the application under load (a profile of 68 s of search and dashboards
 * at 1 M cases under half ingest: threads waited 10 s in all to enter it, the most of any lock).
 */
@Configuration
class AxonMeterFilter {

    private static final List<String> REDUNDANT = List.of(".allTimer", ".ignoredTimer");
    private static final DistributionStatisticConfig NO_QUANTILES = DistributionStatisticConfig.builder()
            .percentiles().build();

    @Bean
    MeterFilter noQuantilesForRedundantAxonTimers() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return REDUNDANT.stream().anyMatch(id.getName()::endsWith) ? NO_QUANTILES.merge(config) : config;
            }
        };
    }
}
