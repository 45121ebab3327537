package city.gridwhistle.web.live;

import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.web.limits.LimitProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Event streams over subscription queries: first the query's initial result as one event, then an event
 * for each update. A stream ends after 30 minutes, and when the application stops: the web server's graceful
 * shutdown waits for open requests, and a stream left open would hold every stop for its whole grace period. The
 * clients reconnect (to another instance, if there is one), as they do after 30 minutes.
 *
 * <p>Whoever emits an update (a projection's thread, the listener of the other instances' signals) only puts it in
 * the stream's queue; each stream has a sender of its own (a virtual thread) that writes to the client. A stream
 * whose queue is full, or whose write has not returned within {@code gridwhistle.limits.stream-send-timeout}, has a
 * client that stopped reading: it is dropped. The sender writes a comment when nothing was sent for
 * {@code stream-heartbeat}, so that a connection whose client is gone fails and ends. Streams are counted per
 * account and in all (decision 0051); every way a stream ends gives its slot back, once.
 */
@Component
public class LiveStreams implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);
    private static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final long NOT_SENDING = Long.MIN_VALUE;
    /** Put in a queue to tell its sender that the stream ended. */
    private static final SseEmitter.SseEventBuilder END = SseEmitter.event();

    private final LimitProperties limits;
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    /** Guarded by itself, as is {@link #total}. */
    private final Map<String, Integer> perAccount = new HashMap<>();
    private int total;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("live-streams-watchdog").factory());
    private final Counter droppedFull;
    private final Counter droppedBlocked;
    private volatile boolean running;

    public LiveStreams(LimitProperties limits, ObjectProvider<MeterRegistry> registry) {
        this.limits = limits;
        MeterRegistry meters = registry.getIfAvailable();
        if (meters != null) {
            Gauge.builder("gridwhistle.live.streams.open", this, LiveStreams::openStreams)
                    .description("live-update streams open on this instance").register(meters);
            droppedFull = dropped(meters, "queue-full");
            droppedBlocked = dropped(meters, "send-blocked");
        } else {
            droppedFull = null;
            droppedBlocked = null;
        }
        long every = Math.max(100, Math.min(1000, limits.streamSendTimeout().toMillis() / 4));
        watchdog.scheduleWithFixedDelay(this::dropBlocked, every, every, TimeUnit.MILLISECONDS);
    }

    private static Counter dropped(MeterRegistry meters, String reason) {
        return Counter.builder("gridwhistle.live.streams.dropped").tag("reason", reason)
                .description("live-update streams dropped because their client stopped reading").register(meters);
    }

    /**
     * A stream of the viewer's subscription: {@code initialEvent} once, then {@code updateEvent} for every update.
     * The subscription is made only once the stream is allowed. Once the application stops, a new stream ends at
     * once.
     *
     * @throws StreamRefusedException when the viewer's account, or this instance, holds as many streams as it may
     */
    public SseEmitter open(Actor viewer, Supplier<? extends SubscriptionQueryResult<?, ?>> subscribe,
                           String initialEvent, String updateEvent) {
        String account = viewer.id();
        acquire(account);
        SseEmitter sse = new SseEmitter(LIFETIME.toMillis());
        Stream stream = new Stream(account, sse);
        sse.onCompletion(stream::end);
        sse.onTimeout(stream::end);
        sse.onError(error -> stream.end());
        // added before running is read: either stop() then sees this stream, or this sees that stop() has run
        open.add(stream);
        if (!running) {
            // opened while the application stops (a client reconnecting at once): it would hold the shutdown too
            stream.end();
            sse.complete();
            return sse;
        }
        try {
            SubscriptionQueryResult<?, ?> subscription = subscribe.get();
            stream.subscribed(subscription);
            subscription.initialResult().subscribe(
                    initial -> stream.offer(initialEvent, initial),
                    stream::failed,
                    () -> subscription.updates().subscribe(
                            update -> stream.offer(updateEvent, update),
                            stream::failed));
        } catch (RuntimeException e) {
            stream.end();
            throw e;
        }
        stream.startSending();
        return sse;
    }

    private void acquire(String account) {
        long retryAfter = Math.max(1, limits.streamHeartbeat().toSeconds());
        synchronized (perAccount) {
            int mine = perAccount.getOrDefault(account, 0);
            if (mine >= limits.streamsPerAccount()) {
                throw new StreamRefusedException(false, retryAfter, "at most " + limits.streamsPerAccount()
                        + " live streams per account; close one (another tab or device) or wait");
            }
            if (total >= limits.streams()) {
                throw new StreamRefusedException(true, retryAfter,
                        "this server holds as many live streams as it may; try again later");
            }
            perAccount.put(account, mine + 1);
            total++;
        }
    }

    private void release(String account) {
        synchronized (perAccount) {
            perAccount.computeIfPresent(account, (a, n) -> n > 1 ? n - 1 : null);
            total--;
        }
    }

    /** Streams open on this instance (each holds a slot). */
    int openStreams() {
        synchronized (perAccount) {
            return total;
        }
    }

    /** Streams the account holds on this instance. */
    int openStreams(String account) {
        synchronized (perAccount) {
            return perAccount.getOrDefault(account, 0);
        }
    }

    private void dropBlocked() {
        long now = System.nanoTime();
        long bound = limits.streamSendTimeout().toNanos();
        for (Stream stream : open) {
            long since = stream.sendingSince.get();
            if (since != NOT_SENDING && now - since > bound) {
                stream.drop(droppedBlocked, "a write did not return within " + limits.streamSendTimeout());
            }
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
        open.forEach(stream -> {
            stream.end();
            stream.complete();
        });
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        watchdog.shutdownNow();
    }

    /** One open stream: its slot, its queue and its sender. */
    private final class Stream {

        private final String account;
        private final SseEmitter sse;
        private final BlockingQueue<SseEmitter.SseEventBuilder> queue;
        private final AtomicBoolean ended = new AtomicBoolean();
        private final AtomicLong sendingSince = new AtomicLong(NOT_SENDING);
        private volatile SubscriptionQueryResult<?, ?> subscription;

        Stream(String account, SseEmitter sse) {
            this.account = account;
            this.sse = sse;
            this.queue = new ArrayBlockingQueue<>(limits.streamQueue());
        }

        void subscribed(SubscriptionQueryResult<?, ?> made) {
            subscription = made;
            if (ended.get()) {
                made.cancel();
            }
        }

        /** Called by whoever emits (a projection's thread): never waits, never writes. */
        void offer(String name, Object data) {
            if (ended.get()) {
                return;
            }
            if (!queue.offer(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON))) {
                drop(droppedFull, limits.streamQueue() + " events waiting");
            }
        }

        void failed(Throwable error) {
            log.debug("A live stream's subscription failed: {}", error.toString());
            end();
            complete();
        }

        void startSending() {
            Thread.ofVirtual().name("live-stream-sender").start(this::send);
        }

        private void send() {
            long heartbeat = limits.streamHeartbeat().toMillis();
            try {
                while (!ended.get()) {
                    SseEmitter.SseEventBuilder event = queue.poll(heartbeat, TimeUnit.MILLISECONDS);
                    if (event == END || ended.get()) {
                        return;
                    }
                    sendingSince.set(System.nanoTime());
                    try {
                        // a comment: EventSource ignores it, but a connection whose client is gone fails
                        sse.send(event != null ? event : SseEmitter.event().comment("heartbeat"));
                    } finally {
                        sendingSince.set(NOT_SENDING);
                    }
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                end();
            } catch (IOException | RuntimeException gone) {
                // the client went away (or the emitter completed under us): the container reports the rest
                log.debug("A live stream could not be written, ending it: {}", gone.toString());
                end();
            }
        }

        /** Ends the stream for a client that stopped reading; the emitter completes once its write returns. */
        void drop(Counter counter, String why) {
            if (end()) {
                if (counter != null) {
                    counter.increment();
                }
                log.info("Dropped a live stream whose client stopped reading ({}); {} open", why, openStreams());
                complete();
            }
        }

        /**
         * Frees the slot, cancels the subscription and stops the sender; the first call does, later ones nothing.
         * Returns whether this call ended it.
         */
        boolean end() {
            if (!ended.compareAndSet(false, true)) {
                return false;
            }
            open.remove(this);
            release(account);
            SubscriptionQueryResult<?, ?> made = subscription;
            if (made != null) {
                made.cancel();
            }
            // wakes the sender if it waits; one that is writing sees the end once its write returns
            queue.clear();
            queue.offer(END);
            return true;
        }

        /** Completes the emitter without waiting: a write in progress holds the emitter's lock until it returns. */
        void complete() {
            Thread.ofVirtual().name("live-stream-complete").start(() -> {
                try {
                    sse.complete();
                } catch (RuntimeException alreadyGone) {
                    log.debug("A live stream could not be completed: {}", alreadyGone.toString());
                }
            });
        }
    }
}
