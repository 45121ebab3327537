package city.gridwhistle.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Reads and writes case documents through the {@link CaseIndex#ALIAS} alias. */
@Component
public class CaseDocumentStore {

    private static final int VERSION_CONFLICT = 409;

    private final ElasticsearchClient client;

    public CaseDocumentStore(ElasticsearchClient client) {
        this.client = client;
    }

    public Optional<CaseDocument> find(String caseId) {
        return find(CaseIndex.ALIAS, caseId);
    }

    Optional<CaseDocument> find(String index, String caseId) {
        try {
            var response = client.get(g -> g.index(index).id(caseId), CaseDocument.class);
            return Optional.ofNullable(response.found() ? response.source() : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of these cases that exist in the index, by case id: one multi-get request. */
    Map<String, CaseDocument> findAll(String index, Collection<String> caseIds) {
        Map<String, CaseDocument> found = new HashMap<>();
        if (caseIds.isEmpty()) {
            return found;
        }
        try {
            MgetResponse<CaseDocument> response = client.mget(m -> m.index(index).ids(List.copyOf(caseIds)),
                    CaseDocument.class);
            for (MultiGetResponseItem<CaseDocument> item : response.docs()) {
                if (item.isFailure()) {
                    throw new IllegalStateException("reading case " + item.failure().id() + " failed: "
                            + item.failure().error().reason());
                }
                if (item.result().found()) {
                    found.put(item.result().id(), item.result().source());
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One bulk request, each document versioned externally by its last event's sequence number. A version
     * conflict means a newer state is already indexed (a redelivered or replayed batch): that item is done.
     */
    public void saveAll(Collection<CaseDocument> documents) {
        saveAll(CaseIndex.ALIAS, documents);
    }

    void saveAll(String index, Collection<CaseDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        try {
            BulkResponse response = client.bulk(b -> {
                documents.forEach(doc -> b.operations(op -> op.index(i -> i.index(index).id(doc.caseId)
                        .version(doc.version).versionType(VersionType.External).document(doc))));
                return b;
            });
            List<BulkResponseItem> failed = response.items().stream()
                    .filter(item -> item.error() != null && item.status() != VERSION_CONFLICT)
                    .toList();
            if (!failed.isEmpty()) {
                throw new IllegalStateException("indexing " + failed.size() + " case(s) failed, first: "
                        + failed.getFirst().id() + " " + failed.getFirst().error().reason());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
