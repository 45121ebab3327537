package city.gridwhistle.web.observability;

import io.micrometer.core.instrument.config.MeterFilter;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon publishes, for every bus, store and processor and every message type, an all/success/failure/ignored timer
 * and counter with six client-side quantiles each: most of a scrape. The success and failure timers and counters
 * carry what an operator acts on (rates, errors, latency); the "all" and "ignored" series only repeat or stay zero.
 */
@Configuration
class AxonMeterFilter {

    private static final List<String> REDUNDANT = List.of(".allTimer", ".ignoredTimer", ".ignoredCounter");

    @Bean
    MeterFilter dropRedundantAxonMeters() {
        return MeterFilter.deny(id -> REDUNDANT.stream().anyMatch(id.getName()::endsWith));
    }
}
