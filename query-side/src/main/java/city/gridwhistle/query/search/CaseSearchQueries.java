package city.gridwhistle.query.search;

import city.gridwhistle.api.casework.CaseSearchResult;
import city.gridwhistle.api.casework.CaseView;
import city.gridwhistle.api.casework.FindCaseQuery;
import city.gridwhistle.api.casework.SearchCasesQuery;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers case queries from the search index. */
@Component
public class CaseSearchQueries {

    private final ElasticsearchClient client;
    private final CaseIndex index;
    private final CaseDocumentStore store;

    public CaseSearchQueries(ElasticsearchClient client, CaseIndex index, CaseDocumentStore store) {
        this.client = client;
        this.index = index;
        this.store = store;
    }

    @QueryHandler
    public Optional<CaseView> handle(FindCaseQuery query) {
        index.ensureReady();
        return store.find(query.caseId()).map(CaseDocument::toView);
    }

    @QueryHandler
    public CaseSearchResult handle(SearchCasesQuery query) {
        index.ensureReady();
        int size = Math.clamp(query.size(), 1, SearchCasesQuery.MAX_PAGE_SIZE);
        int page = Math.max(query.page(), 0);
        try {
            SearchResponse<CaseDocument> response = client.search(s -> s
                    .index(CaseIndex.ALIAS)
                    .query(filters(query))
                    .sort(o -> o.field(f -> f.field("reportedAt").order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("caseId").order(SortOrder.Asc)))
                    .from(page * size)
                    .size(size)
                    .trackTotalHits(t -> t.enabled(true)), CaseDocument.class);
            List<CaseView> cases = response.hits().hits().stream().map(Hit::source).map(CaseDocument::toView).toList();
            long total = response.hits().total() == null ? cases.size() : response.hits().total().value();
            return new CaseSearchResult(total, page, size, cases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query filters(SearchCasesQuery query) {
        List<Query> must = new ArrayList<>();
        List<Query> filter = new ArrayList<>();
        if (query.text() != null && !query.text().isBlank()) {
            must.add(Query.of(q -> q.multiMatch(m -> m.query(query.text())
                    .fields("description", "description.en", "address", "address.en", "categoryZh", "categoryEn")
                    .operator(Operator.And))));
        }
        if (query.status() != null) {
            filter.add(term("status", query.status().name()));
        }
        if (query.categoryCode() != null) {
            filter.add(term("categoryCode", query.categoryCode()));
        }
        if (query.cellCode() != null) {
            filter.add(term("cellCode", query.cellCode()));
        }
        if (query.near() != null && query.radiusMeters() != null) {
            filter.add(Query.of(q -> q.geoDistance(g -> g.field("location")
                    .location(l -> l.latlon(ll -> ll.lat(query.near().lat()).lon(query.near().lon())))
                    .distance(query.radiusMeters() + "m"))));
        }
        return Query.of(q -> q.bool(b -> b.must(must).filter(filter)));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }
}
