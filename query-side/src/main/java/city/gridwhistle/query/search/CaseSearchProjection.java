package city.gridwhistle.query.search;

import city.gridwhistle.infra.privacy.PersonKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with the event store. Idempotent under replay and redelivery: {@link CaseFold}
 * skips an event whose sequence number is not above the document's version, and Elasticsearch's external
 * versioning refuses an older document over a newer one. A processor batch is read with one multi-get and
 * written with one bulk request; the dashboards' daily figures ({@link CaseFigures}) follow the documents written,
 * in the transaction that stores the processor's token. A rider's erasure takes them out of every document, and no
 * document is written naming a rider whose key was destroyed (decision 0046).
 */
@Component
@ProcessingGroup(CaseSearchProjection.GROUP)
public class CaseSearchProjection {

    public static final String GROUP = "case-search";
    private static final String BATCH = CaseSearchProjection.class.getName() + ".batch";

    private final CaseIndex index;
    private final CaseDocumentStore store;
    private final CaseFeed feed;
    private final CaseFigures figures;
    private final PersonKeys keys;

    public CaseSearchProjection(CaseIndex index, CaseDocumentStore store, CaseFeed feed, CaseFigures figures,
                                PersonKeys keys) {
        this.index = index;
        this.store = store;
        this.feed = feed;
        this.figures = figures;
        this.keys = keys;
    }

    @EventHandler
    void on(DomainEventMessage<?> event) {
        if (CaseBatch.takes(event.getPayload())) {
            batch().take(event.getPayload(), event.getSequenceNumber());
        }
    }

    /** The documents touched by the current processor batch, written together when the batch commits. */
    private CaseBatch batch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            index.ensureReady();
            CaseBatch batch = new CaseBatch(store, CaseIndex.ALIAS, keys::destroyedAmong);
            root.onPrepareCommit(uow -> {
                batch.flush();
                figures.record(batch.documents());
                feed.changed(batch.documents());
            });
            return batch;
        });
    }
}
