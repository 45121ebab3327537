package city.gridwhistle.infra.cluster;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spreads the streaming processors' segments over the live instances. Axon's processors claim every segment they
 * can and never give one back, so the first instance to start would keep all the work for good. Every
 * {@code interval} each instance records a heartbeat in {@code cluster_node}, counts the instances seen within
 * three intervals, and releases the segments it holds beyond its fair share (segments ÷ live instances, rounded
 * up) for a while, so that another instance claims them. It only ever gives work away: when an instance dies,
 * the others claim its segments as soon as its token claims time out ({@code axon.eventhandling.tokenstore.claim-timeout},
 * 10 s), whatever the counts say; by then the dead instance's heartbeat is stale too, provided three intervals are
 * shorter than the claim timeout.
 */
public class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Duration interval;
    private final Duration releaseFor;
    /** The same name Axon writes as the owner of the token claims of this JVM. */
    private final String nodeId = ManagementFactory.getRuntimeMXBean().getName();
    private ScheduledExecutorService timer;

    public SegmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc, Duration interval,
                           Duration releaseFor) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.interval = interval;
        this.releaseFor = releaseFor;
    }

    /** How many of the segments this instance holds it should give away: those beyond its fair share. */
    static int surplus(int held, int segments, int liveInstances) {
        if (liveInstances <= 1 || segments <= 1) {
            return 0;
        }
        int fairShare = (segments + liveInstances - 1) / liveInstances;
        return Math.max(0, held - fairShare);
    }

    public String nodeId() {
        return nodeId;
    }

    /** One round: beat, count the live instances, release this instance's surplus of each processor. */
    public void balance() {
        jdbc.update("""
                insert into cluster_node (node_id, last_seen) values (?, now())
                on conflict (node_id) do update set last_seen = now()""", nodeId);
        jdbc.update("delete from cluster_node where last_seen < now() - make_interval(secs => ?)",
                (double) FORGET_AFTER.toSeconds());
        Integer live = jdbc.queryForObject(
                "select count(*) from cluster_node where last_seen > now() - make_interval(secs => ?)", Integer.class,
                interval.toMillis() * 3 / 1000.0);
        for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList()) {
            if (!processor.isRunning()) {
                continue;
            }
            Integer segments = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?",
                    Integer.class, processor.getName());
            List<Integer> held = processor.processingStatus().keySet().stream().sorted().toList();
            int surplus = surplus(held.size(), segments == null ? 0 : segments, live == null ? 1 : live);
            for (int i = 0; i < surplus; i++) {
                int segment = held.get(held.size() - 1 - i);
                log.info("Releasing segment {} of {} for {} s: {} instances alive, {} holds {} of {}", segment,
                        processor.getName(), releaseFor.toSeconds(), live, nodeId, held.size(), segments);
                processor.releaseSegment(segment, releaseFor.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void balanceQuietly() {
        try {
            balance();
        } catch (RuntimeException e) {
            // the database may be away for a moment: the next round tries again
            log.warn("Balancing the processors' segments failed: {}", e.toString());
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::balanceQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        try {
            // leave at once rather than after three intervals: the others may take the work now
            jdbc.update("delete from cluster_node where node_id = ?", nodeId);
        } catch (RuntimeException e) {
            log.debug("Could not sign off {}", nodeId, e);
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    /** Starts after the event processors (Axon's phase is high) and stops before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
