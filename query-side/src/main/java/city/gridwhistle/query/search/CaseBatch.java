package city.gridwhistle.query.search;

import city.gridwhistle.api.rider.PersonalDataErasedEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The case events of one processor batch (or one rebuild chunk), folded when the batch commits: the documents of
 * the cases they touch are read with one multi-get (only those that can exist, see {@link #flush()}), folded in
 * event order, and written with one bulk request. Reading each document on its own as its first event arrived cost
 * a round trip to Elasticsearch per case (decision 0021). No document is written naming a rider who was erased, and
 * a rider's erasure takes them out of every document that names them (decision 0046).
 */
final class CaseBatch {

    /** Which of these riders were erased: their key destroyed. */
    @FunctionalInterface
    interface ErasedRiders {
        Set<String> among(Collection<String> riderIds);
    }

    private record CaseEvent(String caseId, Object payload, long sequence) {
    }

    private final CaseDocumentStore store;
    private final String index;
    private final ErasedRiders erased;
    private final List<CaseEvent> events = new ArrayList<>();
    private final Set<String> erasedNow = new LinkedHashSet<>();
    private final Map<String, CaseDocument> documents = new LinkedHashMap<>();

    CaseBatch(CaseDocumentStore store, String index, ErasedRiders erased) {
        this.store = store;
        this.index = index;
        this.erased = erased;
    }

    /** Whether the batch does anything with the event: a case event, or a rider's erasure. */
    static boolean takes(Object payload) {
        return CaseFold.caseIdOf(payload) != null || payload instanceof PersonalDataErasedEvent;
    }

    /** An event of the store: a case event is folded into its case, a rider's erasure takes them out of all. */
    void take(Object payload, long sequence) {
        String caseId = CaseFold.caseIdOf(payload);
        if (caseId != null) {
            add(caseId, payload, sequence);
        } else if (payload instanceof PersonalDataErasedEvent erasure) {
            erasedNow.add(erasure.riderId());
        }
    }

    void add(String caseId, Object payload, long sequence) {
        events.add(new CaseEvent(caseId, payload, sequence));
    }

    /**
     * Folds the events into their documents and writes them; the batch is empty again afterwards. A case whose
     * events here begin with its first (sequence 0) has no earlier state to read: it is folded from an empty
     * document, which saves the multi-get for a batch of new cases, as at intake and in most of a rebuild. A case
     * the index holds at the batch's version or a newer one (a redelivered or replayed batch) refuses the write;
     * its document is then read back, so that {@link #documents()} is what the index holds.
     */
    void flush() {
        Map<String, Long> firstSequence = new LinkedHashMap<>();
        events.forEach(event -> firstSequence.putIfAbsent(event.caseId(), event.sequence()));
        List<String> existing = firstSequence.entrySet().stream().filter(first -> first.getValue() > 0)
                .map(Map.Entry::getKey).toList();
        Map<String, CaseDocument> found = store.findAll(index, existing);
        documents.clear();
        for (CaseEvent event : events) {
            CaseDocument doc = documents.computeIfAbsent(event.caseId(),
                    id -> found.getOrDefault(id, new CaseDocument()));
            CaseFold.apply(doc, event.caseId(), event.payload(), event.sequence());
        }
        leaveOutTheErased(documents.values());
        Set<String> newer = store.saveAll(index, documents.values());
        if (!newer.isEmpty()) {
            documents.putAll(store.findAll(index, newer));
        }
        events.clear();
        takeOutTheErasedNow();
    }

    /**
     * Whoever was erased leaves the documents about to be written, however the events were ordered: an erasure
     * handled by another segment first, or a rebuild replaying reports made before their reporter was erased.
     */
    private void leaveOutTheErased(Collection<CaseDocument> written) {
        Set<String> named = written.stream().flatMap(CaseDocument::riderIds).collect(Collectors.toSet());
        Set<String> gone = named.isEmpty() ? Set.of() : erased.among(named);
        if (!gone.isEmpty()) {
            written.forEach(doc -> CaseFold.forget(doc, gone));
        }
    }

    /**
     * The riders erased in this batch leave every document that names them, at the version it has: no event of the
     * case changed, so its sequence number stays the document's version.
     */
    private void takeOutTheErasedNow() {
        if (erasedNow.isEmpty()) {
            return;
        }
        Collection<CaseDocument> naming = store.naming(index, erasedNow).values();
        naming.forEach(doc -> CaseFold.forget(doc, erasedNow));
        store.rewriteAll(index, naming);
        erasedNow.clear();
    }

    /** The documents written by the last flush for its events. */
    Collection<CaseDocument> documents() {
        return documents.values();
    }
}
