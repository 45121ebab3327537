package city.gridwhistle.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import city.gridwhistle.IntegrationTest;
import city.gridwhistle.infra.audit.ChainingEventStorageEngineAccess;
import java.time.Duration;
import java.util.List;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The event store's producer reads the tail of the store in one blocking stream and holds on to all it read until
 * that stream ends (decision 0029): a blocking read must end after a slice, the next one must go on from there, and
 * the processors' own reads, which may not block, must not be cut.
 */
@IntegrationTest
class SlicedTailJdbcEventStorageEngineIntegrationTest {

    private static final int SLICE = 50;

    @Autowired
    private EventStorageEngine applicationEngine;
    @Autowired
    @Qualifier("eventSerializer")
    private Serializer serializer;
    @Autowired
    private ConnectionProvider connections;
    @Autowired
    private TransactionManager transactions;
    @Autowired
    private EventSchema schema;

    @Test
    void theApplicationReadsThroughTheSlicedEngine() {
        assertThat(ChainingEventStorageEngineAccess.delegateOf(applicationEngine))
                .isInstanceOf(SlicedTailJdbcEventStorageEngine.class);
    }

    @Test
    void aBlockingReadEndsAfterASliceAndTheNextGoesOnFromThere() {
        SlicedTailJdbcEventStorageEngine engine = engine();
        // the demo city alone is thousands of events, so without the cut a blocking read would wait for more
        List<? extends TrackedEventMessage<?>> first = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> engine.readEvents(null, true).toList());
        List<? extends TrackedEventMessage<?>> second = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> engine.readEvents(first.getLast().trackingToken(), true).toList());

        assertThat(first).hasSize(SLICE);
        assertThat(second).hasSize(SLICE);
        assertThat(index(second.getFirst())).isGreaterThan(index(first.getLast()));
    }

    @Test
    void aReadThatMayNotBlockIsNotCut() {
        assertThat(engine().readEvents(null, false).limit(3L * SLICE).count()).isEqualTo(3L * SLICE);
    }

    private SlicedTailJdbcEventStorageEngine engine() {
        return new SlicedTailJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                .eventSerializer(serializer).snapshotSerializer(serializer)
                .connectionProvider(connections).transactionManager(transactions).schema(schema), SLICE);
    }

    private static long index(TrackedEventMessage<?> event) {
        return ((GapAwareTrackingToken) event.trackingToken()).getIndex();
    }
}
