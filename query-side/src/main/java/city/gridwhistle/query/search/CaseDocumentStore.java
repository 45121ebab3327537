package city.gridwhistle.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Reads and writes case documents through the {@link CaseIndex#ALIAS} alias. */
@Component
public class CaseDocumentStore {

    private static final int VERSION_CONFLICT = 409;
    private static final int PAGE = 1_000;

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

    /**
     * The documents of these cases that exist in the index, by case id: one multi-get request, sent again while
     * Elasticsearch sheds load.
     */
    Map<String, CaseDocument> findAll(String index, Collection<String> caseIds) {
        if (caseIds.isEmpty()) {
            return new HashMap<>();
        }
        try {
            LoadShedding shedding = new LoadShedding();
            while (true) {
                MgetResponse<CaseDocument> response = shedding.send(() -> client.mget(
                        m -> m.index(index).ids(List.copyOf(caseIds)), CaseDocument.class));
                Optional<Map<String, CaseDocument>> found = foundIn(response);
                if (found.isPresent()) {
                    return found.get();
                }
                if (!shedding.waitAgain(firstShed(response))) {
                    throw new IllegalStateException("reading " + caseIds.size() + " case(s) refused for load");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents found; empty when some item was refused for load and the request must be sent again. */
    private static Optional<Map<String, CaseDocument>> foundIn(MgetResponse<CaseDocument> response) {
        Map<String, CaseDocument> found = new HashMap<>();
        for (MultiGetResponseItem<CaseDocument> item : response.docs()) {
            if (item.isFailure()) {
                if (LoadShedding.shed(item.failure().error())) {
                    return Optional.empty();
                }
                throw new IllegalStateException("reading case " + item.failure().id() + " failed: "
                        + item.failure().error().reason());
            }
            if (item.result().found()) {
                found.put(item.result().id(), item.result().source());
            }
        }
        return Optional.of(found);
    }

    /** What Elasticsearch said of the first item of a multi-get it refused, for the log. */
    private static String firstShed(MgetResponse<CaseDocument> response) {
        return response.docs().stream().filter(MultiGetResponseItem::isFailure)
                .map(item -> LoadShedding.reason(item.failure().error())).findFirst().orElse("");
    }

    /**
     * One bulk request, each document versioned externally by its last event's sequence number. A version
     * conflict means the same or a newer state is already indexed (a redelivered or replayed batch): that item is
     * done, and its case is among those answered. Items refused for load are sent again, on their own, after a wait.
     */
    public Set<String> saveAll(Collection<CaseDocument> documents) {
        return saveAll(CaseIndex.ALIAS, documents);
    }

    Set<String> saveAll(String index, Collection<CaseDocument> documents) {
        return write(index, documents, VersionType.External);
    }

    /**
     * Writes documents changed without a new event of their case (an erased rider taken out), at the version they
     * have: the same version is accepted, a newer one already indexed is kept.
     */
    void rewriteAll(String index, Collection<CaseDocument> documents) {
        write(index, documents, VersionType.ExternalGte);
    }

    /**
     * The documents that name any of the riders as reporter or follower, by case id. The index is refreshed first,
     * so that a document written a moment ago is found too.
     */
    Map<String, CaseDocument> naming(String index, Collection<String> riderIds) {
        List<FieldValue> ids = riderIds.stream().map(FieldValue::of).toList();
        Query naming = Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                .should(s -> s.terms(t -> t.field("reporterId").terms(v -> v.value(ids))))
                .should(s -> s.terms(t -> t.field("reporterIds").terms(v -> v.value(ids))))
                .should(s -> s.terms(t -> t.field("followerIds").terms(v -> v.value(ids))))));
        try {
            client.indices().refresh(r -> r.index(index));
            Map<String, CaseDocument> found = new HashMap<>();
            List<FieldValue> after = List.of();
            while (true) {
                List<FieldValue> from = after;
                SearchResponse<CaseDocument> page = client.search(s -> {
                    s.index(index).query(naming).size(PAGE).sort(o -> o.field(f -> f.field("caseId")));
                    return from.isEmpty() ? s : s.searchAfter(from);
                }, CaseDocument.class);
                page.hits().hits().forEach(hit -> found.put(hit.id(), hit.source()));
                if (page.hits().hits().size() < PAGE) {
                    return found;
                }
                after = page.hits().hits().getLast().sort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> write(String index, Collection<CaseDocument> documents, VersionType versionType) {
        try {
            LoadShedding shedding = new LoadShedding();
            Set<String> indexedAlready = new LinkedHashSet<>();
            Refused pending = new Refused(List.copyOf(documents), "");
            while (!pending.documents().isEmpty()) {
                pending = refusedForLoad(shedding, index, pending.documents(), versionType, indexedAlready);
                if (!pending.documents().isEmpty() && !shedding.waitAgain(pending.reason())) {
                    throw new IllegalStateException("indexing " + pending.documents().size()
                            + " case(s) refused for load");
                }
            }
            return indexedAlready;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the documents with one bulk request and answers those refused for load; the cases indexed at their
     * version or a newer one already are added to {@code indexedAlready}.
     */
    private Refused refusedForLoad(LoadShedding shedding, String index, List<CaseDocument> documents,
                                   VersionType versionType, Set<String> indexedAlready) throws IOException {
        BulkResponse response = shedding.send(() -> client.bulk(b -> {
            documents.forEach(doc -> b.operations(op -> op.index(i -> i.index(index).id(doc.caseId)
                    .version(doc.version).versionType(versionType).document(doc))));
            return b;
        }));
        List<CaseDocument> refused = new ArrayList<>();
        String reason = "";
        List<BulkResponseItem> failed = new ArrayList<>();
        for (int i = 0; i < response.items().size(); i++) {
            BulkResponseItem item = response.items().get(i);
            if (item.error() == null) {
                continue;
            }
            if (item.status() == VERSION_CONFLICT) {
                indexedAlready.add(documents.get(i).caseId);
                continue;
            }
            if (LoadShedding.shed(item.status(), item.error())) {
                if (refused.isEmpty()) {
                    reason = LoadShedding.reason(item.error());
                }
                refused.add(documents.get(i));
            } else {
                failed.add(item);
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("indexing " + failed.size() + " case(s) failed, first: "
                    + failed.getFirst().id() + " " + failed.getFirst().error().reason());
        }
        return new Refused(refused, reason);
    }

    /** The documents of a bulk request refused for load, and what Elasticsearch said of the first. */
    private record Refused(List<CaseDocument> documents, String reason) {
    }
}
