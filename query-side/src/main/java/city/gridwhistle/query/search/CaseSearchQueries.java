package city.gridwhistle.query.search;

import city.gridwhistle.api.casework.CaseSearchResult;
import city.gridwhistle.api.casework.CaseView;
import city.gridwhistle.api.casework.CaseSort;
import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.casework.FindCaseQuery;
import city.gridwhistle.api.casework.FindNearbyOpenCasesQuery;
import city.gridwhistle.api.casework.NearbyCases;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.query.access.CaseAccess;
import city.gridwhistle.query.access.ViewerDirectory;
import java.util.Map;
import java.util.Objects;
import city.gridwhistle.api.casework.SearchCasesQuery;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
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

    /** Closed, voided or merged: built once, not for every nearby search. */
    private static final Query NOT_OPEN = Query.of(q -> q.terms(t -> t.field("status").terms(v -> v.value(
            CaseStatus.FINAL.stream().map(s -> FieldValue.of(s.name())).toList()))));

    private final ElasticsearchClient client;
    private final CaseIndex index;
    private final CaseAccess access;
    private final ViewerDirectory directory;

    public CaseSearchQueries(ElasticsearchClient client, CaseIndex index, CaseAccess access, ViewerDirectory directory) {
        this.client = client;
        this.index = index;
        this.access = access;
        this.directory = directory;
    }

    /** By id, through the same access filter as every search: a case the viewer may not see does not exist. */
    @QueryHandler
    public Optional<CaseView> handle(FindCaseQuery query) {
        index.ensureReady();
        try {
            SearchResponse<CaseDocument> response = client.search(s -> s
                    .index(CaseIndex.ALIAS)
                    .query(q -> q.bool(b -> b.filter(f -> f.ids(i -> i.values(query.caseId())))
                            .filter(access.filterFor(query.viewer()))))
                    .size(1), CaseDocument.class);
            return views(response.hits().hits().stream().map(Hit::source).toList(), query.viewer()).stream().findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @QueryHandler
    public CaseSearchResult handle(SearchCasesQuery query) {
        index.ensureReady();
        int size = Math.clamp(query.size(), 1, SearchCasesQuery.MAX_PAGE_SIZE);
        int page = Math.max(query.page(), 0);
        GeoPoint from = query.from() != null ? query.from() : query.geo() != null ? query.geo().center() : null;
        if (query.sort() == CaseSort.DISTANCE && from == null) {
            throw new IllegalArgumentException("sorting by distance needs a point to measure from");
        }
        try {
            SearchResponse<CaseDocument> response = client.search(s -> {
                s.index(CaseIndex.ALIAS)
                        .query(CaseFilterQueries.of(query, access.filterFor(query.viewer())))
                        .sort(CaseFilterQueries.sort(query.sort(), from))
                        .size(size)
                        .trackTotalHits(t -> t.enabled(true))
                        .highlight(h -> h.preTags("<em>").postTags("</em>").requireFieldMatch(false)
                                .fields(NamedValue.of("description", HighlightField.of(f -> f.numberOfFragments(2)
                                        .fragmentSize(80))))
                                .fields(NamedValue.of("address", HighlightField.of(f -> f.numberOfFragments(1))))
                                .fields(NamedValue.of("statusNote", HighlightField.of(f -> f.numberOfFragments(1)))));
                if (query.cursor() != null && !query.cursor().isBlank()) {
                    s.searchAfter(SearchCursor.decode(query.cursor()));
                } else {
                    s.from(page * size);
                }
                return s;
            }, CaseDocument.class);
            List<Hit<CaseDocument>> hits = response.hits().hits();
            List<CaseView> cases = views(hits.stream().map(Hit::source).toList(), query.viewer());
            Map<String, List<String>> highlights = new java.util.LinkedHashMap<>();
            hits.forEach(hit -> {
                List<String> snippets = hit.highlight().values().stream().flatMap(List::stream).toList();
                if (!snippets.isEmpty()) {
                    highlights.put(hit.id(), snippets);
                }
            });
            String next = hits.size() < size ? null : SearchCursor.encode(hits.getLast().sort());
            long total = response.hits().total() == null ? cases.size() : response.hits().total().value();
            return new CaseSearchResult(total, page, size, cases, highlights, next);
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException refused) {
            // a cursor that decodes but names values this sort cannot page on (forged or from another sort)
            if (query.cursor() != null && !query.cursor().isBlank() && refused.status() == 400) {
                throw new IllegalArgumentException("the cursor is not one this search gave out", refused);
            }
            throw refused;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @QueryHandler
    public NearbyCases handle(FindNearbyOpenCasesQuery query) {
        index.ensureReady();
        int radius = Math.clamp(query.radiusMeters(), 1, FindNearbyOpenCasesQuery.MAX_RADIUS_METERS);
        List<Query> filter = new ArrayList<>();
        filter.add(Query.of(q -> q.geoDistance(g -> g.field("location")
                .location(l -> l.latlon(ll -> ll.lat(query.point().lat()).lon(query.point().lon())))
                .distance(radius + "m"))));
        if (query.categoryCode() != null) {
            filter.add(term("categoryCode", query.categoryCode()));
        }
        try {
            SearchResponse<CaseDocument> response = client.search(s -> s
                    .index(CaseIndex.ALIAS)
                    .query(q -> q.bool(b -> b.filter(filter).mustNot(NOT_OPEN)))
                    .sort(o -> o.geoDistance(g -> g.field("location")
                            .location(l -> l.latlon(ll -> ll.lat(query.point().lat()).lon(query.point().lon())))
                            .order(SortOrder.Asc)))
                    .size(20), CaseDocument.class);
            return new NearbyCases(response.hits().hits().stream()
                    .map(hit -> new NearbyCases.Nearby(hit.source().toView(null).publicView(), (int) Math.round(
                            new GeoPoint(hit.source().location.lat(), hit.source().location.lon())
                                    .distanceMetersTo(query.point()))))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Views for the viewer: reporters by their pseudonymous handle, and the public view for riders. */
    private List<CaseView> views(List<CaseDocument> documents, Actor viewer) {
        if (access.seesPublicViewOnly(viewer)) {
            return documents.stream().map(doc -> doc.toView(null).publicView()).toList();
        }
        Map<String, String> handles = directory.handlesOf(documents.stream().map(d -> d.reporterId)
                .filter(Objects::nonNull).distinct().toList());
        return documents.stream()
                .map(doc -> doc.toView(doc.reporterId == null ? null : handles.get(doc.reporterId))).toList();
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }
}
