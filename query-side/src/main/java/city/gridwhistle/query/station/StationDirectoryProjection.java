package city.gridwhistle.query.station;

import city.gridwhistle.api.rider.StationClosedEvent;
import city.gridwhistle.api.rider.StationDetailsUpdatedEvent;
import city.gridwhistle.api.rider.StationRegisteredEvent;
import city.gridwhistle.api.rider.StationReopenedEvent;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code stations} index in step with the stations' events. Idempotent under replay and redelivery: an
 * event whose sequence number is not above the document's version changes nothing, and Elasticsearch's external
 * versioning refuses an older document over a newer one.
 */
@Component
@ProcessingGroup(StationDirectoryProjection.GROUP)
public class StationDirectoryProjection {

    public static final String GROUP = "station-directory";

    private final StationDocumentStore store;

    public StationDirectoryProjection(StationDocumentStore store) {
        this.store = store;
    }

    @EventHandler
    void on(StationRegisteredEvent event, @SequenceNumber long sequence) {
        fold(event.stationId(), sequence, doc -> doc.details(event.name(), event.address(), event.location(),
                event.services(), event.opens(), event.closes(), event.operator()));
    }

    @EventHandler
    void on(StationDetailsUpdatedEvent event, @SequenceNumber long sequence) {
        fold(event.stationId(), sequence, doc -> doc.details(event.name(), event.address(), event.location(),
                event.services(), event.opens(), event.closes(), event.operator()));
    }

    @EventHandler
    void on(StationClosedEvent event, @SequenceNumber long sequence) {
        fold(event.stationId(), sequence, doc -> {
            doc.closed = true;
            doc.closedReason = event.reason();
            doc.closedAt = event.at();
        });
    }

    @EventHandler
    void on(StationReopenedEvent event, @SequenceNumber long sequence) {
        fold(event.stationId(), sequence, doc -> {
            doc.closed = false;
            doc.closedReason = null;
            doc.closedAt = null;
        });
    }

    private void fold(String stationId, long sequence, Consumer<StationDocument> change) {
        StationDocument doc = store.find(stationId).orElseGet(StationDocument::new);
        if (sequence <= doc.version) {
            return;
        }
        doc.stationId = stationId;
        change.accept(doc);
        doc.version = sequence;
        store.save(doc);
    }
}
