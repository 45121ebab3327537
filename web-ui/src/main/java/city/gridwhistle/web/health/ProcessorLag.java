package city.gridwhistle.web.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

/**
 * How far each streaming processor is behind the head of the event store, in events: the head's global index
 * minus the lowest position among the segments this instance holds. Also published as the gauge
 * {@code gridwhistle.processor.lag}.
 */
@Component
public class ProcessorLag implements MeterBinder {

    /** One processor's state as seen from this instance. */
    public record Status(String processor, boolean running, boolean error, int segmentsClaimed, long head,
                         Long position, Long lag, boolean replaying) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public ProcessorLag(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    public Map<String, Status> statuses() {
        long head = head();
        Map<String, Status> statuses = new LinkedHashMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                statuses.put(name, status(name, streaming, head));
            }
        });
        return statuses;
    }

    private static Status status(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        boolean error = segments.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        OptionalLong lowest = segments.values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min();
        // a segment with no token yet has processed nothing: its position is "before the first event"
        boolean anyUnstarted = segments.values().stream().anyMatch(s -> s.getCurrentPosition().isEmpty());
        Long position = segments.isEmpty() ? null : anyUnstarted ? Long.valueOf(-1) : Long.valueOf(lowest.orElse(-1));
        Long lag = position == null || head < 0 ? null : Math.max(0, head - position);
        return new Status(name, processor.isRunning(), error, segments.size(), head, position, lag,
                processor.isReplaying());
    }

    /** The head of the event store, or -1 when it cannot be read (PostgreSQL down): the lag is then unknown. */
    private long head() {
        try {
            return position(eventStore.createHeadToken()).orElse(-1);
        } catch (RuntimeException unreadable) {
            return -1;
        }
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                Gauge.builder("gridwhistle.processor.lag", () -> {
                            Status status = statuses().get(name);
                            return status == null || status.lag() == null ? Double.NaN : status.lag();
                        })
                        .tag("processor", name)
                        .description("events between the head of the event store and the processor's position")
                        .baseUnit("events")
                        .register(registry);
            }
        });
    }
}
