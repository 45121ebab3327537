package city.gridwhistle.web.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.function.Function;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's meters, as Axon's own dimensional set-up registers them, except the event processors' capacity gauge.
 * That gauge keeps every event a processor handled in the last minute in a sorted map; a processor catching up
 * handles tens of thousands of events a second (those it has no handler for cost nothing else), so after an
 * outage or with a large store the map filled a 1 GB heap within minutes and every processor stopped with an
 * OutOfMemoryError (decision 0028). Lag is measured as {@code gridwhistle_processor_lag_events} instead.
 */
@Configuration
class AxonProcessorMetrics {

    static final String PREFIX = "eventProcessor";

    /** Replaces the module Axon's auto-configuration would register (it backs off when one exists). */
    @Bean
    MetricsConfigurerModule axonMetricsWithoutCapacity(GlobalMetricRegistry metrics) {
        return new MetricsConfigurerModule(metrics, true) {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.configureMessageMonitor(configuration -> (type, name) -> monitor(metrics, type, name));
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static MessageMonitor<Message<?>> monitor(GlobalMetricRegistry metrics, Class<?> type, String name) {
        if (!EventProcessor.class.isAssignableFrom(type)) {
            return (MessageMonitor<Message<?>>) metrics.registerComponentWithDefaultTags(type, name);
        }
        return (MessageMonitor<Message<?>>) (MessageMonitor<?>) processor(metrics.getRegistry(), name);
    }

    /** The timer, latency gauge and counters of one processor, tagged as Axon tags them. */
    static MessageMonitor<? super EventMessage<?>> processor(MeterRegistry registry, String name) {
        Function<Message<?>, Iterable<Tag>> byType = message -> Tags.of("payloadType",
                message.getPayloadType().getSimpleName(), "processorName", name);
        Function<Message<?>, Iterable<Tag>> byProcessor = message -> Tags.of("processorName", name);
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(PREFIX, registry, byType),
                EventProcessorLatencyMonitor.builder().meterNamePrefix(PREFIX).meterRegistry(registry)
                        .tagsBuilder(byProcessor).build(),
                MessageCountingMonitor.buildMonitor(PREFIX, registry, byType)));
    }
}
