package city.gridwhistle.query.search;

import city.gridwhistle.infra.privacy.PersonKeys;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A case read from its events when the index has not caught up with it: the {@code Location} of a 201 is read a
 * moment after the case was filed, before the projection has written its document (or during a rebuild). The events
 * are folded by {@link CaseFold}, the index's own fold, and whoever was erased is left out as the index leaves them
 * out, so the answer is the document the index is about to hold; the caller applies the same visibility rule to it.
 */
@Component
public class CaseFromEvents {

    /** Longer than any case id the system makes; anything longer is not looked up. */
    private static final int LONGEST_ID = 64;

    private final EventStore store;
    private final CaseBatch.ErasedRiders erased;

    @Autowired
    public CaseFromEvents(EventStore store, PersonKeys keys) {
        this(store, keys::destroyedAmong);
    }

    CaseFromEvents(EventStore store, CaseBatch.ErasedRiders erased) {
        this.store = store;
        this.erased = erased;
    }

    /** The case's document as its events make it; empty when the id names no case. */
    Optional<CaseDocument> find(String caseId) {
        if (caseId == null || caseId.isBlank() || caseId.length() > LONGEST_ID) {
            return Optional.empty();
        }
        List<DomainEventMessage<?>> events = store.readEvents(caseId, 0).asStream()
                .filter(event -> CaseFold.caseIdOf(event.getPayload()) != null)
                .<DomainEventMessage<?>>map(event -> event).toList();
        CaseDocument doc = CaseReplay.documentAfter(caseId, events);
        if (doc == null) {
            return Optional.empty();
        }
        var gone = erased.among(doc.riderIds().toList());
        if (!gone.isEmpty()) {
            CaseFold.forget(doc, gone);
        }
        return Optional.of(doc);
    }
}
