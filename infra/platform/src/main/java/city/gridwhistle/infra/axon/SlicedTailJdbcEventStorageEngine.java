package city.gridwhistle.infra.axon;

import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC engine, with the endless read that fills the event store's shared cache cut into slices.
 *
 * <p>The embedded event store's producer reads the store for the processors that tail it in one blocking stream,
 * for as long as events keep coming, and meanwhile holds the cache node it started from in a local variable: every
 * event read in that one stream stays reachable until the stream ends. While all processors catch up on private
 * streams the producer stands still; when one comes back to the head, the producer resumes where it stopped and
 * reads the whole distance in one stream. In the full-scale benchmark that was 280,000 events, the whole 1 GB heap,
 * and every processor died of it (decision 0029). A blocking read here ends after {@link #SLICE} events; the
 * producer then opens the next one at once and lets go of the nodes behind it. Non-blocking reads (the processors'
 * private streams, which fetch batch by batch) are untouched.
 */
public class SlicedTailJdbcEventStorageEngine extends JdbcEventStorageEngine {

    /** Events read in one blocking stream: the size of the shared cache, so at most twice that is held. */
    static final int SLICE = 10_000;

    private final int slice;

    public SlicedTailJdbcEventStorageEngine(JdbcEventStorageEngine.Builder builder) {
        this(builder, SLICE);
    }

    SlicedTailJdbcEventStorageEngine(JdbcEventStorageEngine.Builder builder, int slice) {
        super(builder);
        this.slice = slice;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = super.readEvents(trackingToken, mayBlock);
        return mayBlock ? events.limit(slice) : events;
    }
}
