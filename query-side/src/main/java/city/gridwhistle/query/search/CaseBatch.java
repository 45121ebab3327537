package city.gridwhistle.query.search;

import java.util.LinkedHashMap;
import java.util.Map;

/** The case documents one processor batch reads and changes; each is fetched at most once per batch. */
final class CaseBatch {

    private final CaseDocumentStore store;
    private final Map<String, CaseDocument> documents = new LinkedHashMap<>();

    CaseBatch(CaseDocumentStore store) {
        this.store = store;
    }

    CaseDocument document(String caseId) {
        return documents.computeIfAbsent(caseId, id -> store.find(id).orElseGet(CaseDocument::new));
    }

    void flush() {
        store.saveAll(documents.values());
    }

    java.util.Collection<CaseDocument> documents() {
        return documents.values();
    }
}
