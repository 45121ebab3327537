package city.gridwhistle.query.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The case events of one processor batch (or one rebuild chunk), folded when the batch commits: the documents of
 * the cases they touch are read with one multi-get (only those that can exist, see {@link #flush()}), folded in
 * event order, and written with one bulk request. Reading each document on its own as its first event arrived cost
 * a round trip to Elasticsearch per case (decision 0021).
 */
final class CaseBatch {

    private record CaseEvent(String caseId, Object payload, long sequence) {
    }

    private final CaseDocumentStore store;
    private final String index;
    private final List<CaseEvent> events = new ArrayList<>();
    private final Map<String, CaseDocument> documents = new LinkedHashMap<>();

    CaseBatch(CaseDocumentStore store, String index) {
        this.store = store;
        this.index = index;
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
        Set<String> newer = store.saveAll(index, documents.values());
        if (!newer.isEmpty()) {
            documents.putAll(store.findAll(index, newer));
        }
        events.clear();
    }

    /** The documents written by the last flush. */
    Collection<CaseDocument> documents() {
        return documents.values();
    }
}
