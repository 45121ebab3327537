package city.gridwhistle.web.live;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Event streams over subscription queries: first the query's initial result as one event, then an event
 * for each update. A stream ends after 30 minutes, and when the application stops: the web server's graceful
 * shutdown waits for open requests, and a stream left open would hold every stop for its whole grace period. The
 * clients reconnect (to another instance, if there is one), as they do after 30 minutes.
 */
@Component
public class LiveStreams implements SmartLifecycle {

    private static final Duration LIFETIME = Duration.ofMinutes(30);

    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    /**
     * A stream of the subscription: {@code initialEvent} once, then {@code updateEvent} for every update. Once the
     * application stops, a new stream ends at once.
     */
    public SseEmitter open(SubscriptionQueryResult<?, ?> subscription, String initialEvent, String updateEvent) {
        SseEmitter sse = new SseEmitter(LIFETIME.toMillis());
        Runnable ended = () -> {
            open.remove(sse);
            subscription.cancel();
        };
        sse.onCompletion(ended);
        sse.onTimeout(ended);
        sse.onError(error -> ended.run());
        // added before running is read: either stop() then sees this stream, or this sees that stop() has run
        open.add(sse);
        if (!running) {
            // opened while the application stops (a client reconnecting at once): it would hold the shutdown too
            sse.complete();
            return sse;
        }
        subscription.initialResult().subscribe(
                initial -> send(sse, subscription, initialEvent, initial),
                sse::completeWithError,
                () -> subscription.updates().subscribe(
                        update -> send(sse, subscription, updateEvent, update),
                        sse::completeWithError));
        return sse;
    }

    private static void send(SseEmitter sse, SubscriptionQueryResult<?, ?> subscription, String name, Object data) {
        try {
            sse.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            subscription.cancel();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every open stream; runs before the web server's graceful shutdown, which stops in a later phase. */
    @Override
    public void stop() {
        running = false;
        open.forEach(SseEmitter::complete);
        open.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
