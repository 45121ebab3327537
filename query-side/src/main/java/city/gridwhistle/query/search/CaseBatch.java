package city.gridwhistle.query.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The case events of one processor batch (or one rebuild chunk), folded when the batch commits: the documents of
 * every case they touch are read with one multi-get, folded in event order, and written with one bulk request.
 * Reading each document on its own as its first event arrived cost a round trip to Elasticsearch per case.
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

    /** Folds the events into their documents and writes them; the batch is empty again afterwards. */
    void flush() {
        Set<String> ids = new LinkedHashSet<>();
        events.forEach(event -> ids.add(event.caseId()));
        Map<String, CaseDocument> found = store.findAll(index, ids);
        documents.clear();
        for (CaseEvent event : events) {
            CaseDocument doc = documents.computeIfAbsent(event.caseId(),
                    id -> found.getOrDefault(id, new CaseDocument()));
            CaseFold.apply(doc, event.caseId(), event.payload(), event.sequence());
        }
        store.saveAll(index, documents.values());
        events.clear();
    }

    /** The documents written by the last flush. */
    Collection<CaseDocument> documents() {
        return documents.values();
    }
}
