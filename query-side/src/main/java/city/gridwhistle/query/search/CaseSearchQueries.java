package city.gridwhistle.query.search;

import city.gridwhistle.api.casework.CaseSearchResult;
import city.gridwhistle.api.casework.CaseView;
import city.gridwhistle.api.casework.CaseSight;
import city.gridwhistle.api.casework.CaseSort;
import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.casework.FindCaseQuery;
import city.gridwhistle.api.casework.FindNearbyOpenCasesQuery;
import city.gridwhistle.api.casework.FindPhotoAccessQuery;
import city.gridwhistle.api.casework.FindPhotoReferencesQuery;
import city.gridwhistle.api.casework.NearbyCases;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.query.access.CaseAccess;
import city.gridwhistle.query.access.ViewerDirectory;
import java.util.Map;
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
import java.util.Set;
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
    private final CaseFromEvents fromEvents;

    public CaseSearchQueries(ElasticsearchClient client, CaseIndex index, CaseAccess access, ViewerDirectory directory,
                             CaseFromEvents fromEvents) {
        this.client = client;
        this.index = index;
        this.access = access;
        this.directory = directory;
        this.fromEvents = fromEvents;
    }

    /**
     * By id, through the same access filter as every search: a case the viewer may not see does not exist. A case
     * the index has not caught up with yet (filed a moment ago: the {@code Location} of its 201) is read from its
     * events instead, through the same fold and the same rule, so that a client reads what it has just written.
     */
    @QueryHandler
    public Optional<CaseView> handle(FindCaseQuery query) {
        index.ensureReady();
        CaseAccess.Reader reader = access.reader(query.viewer());
        try {
            SearchResponse<CaseDocument> response = client.search(s -> s
                    .index(CaseIndex.ALIAS)
                    .query(q -> q.bool(b -> b.filter(f -> f.ids(i -> i.values(query.caseId())))))
                    .size(1), CaseDocument.class);
            List<CaseDocument> found = response.hits().hits().stream().map(Hit::source).toList();
            if (found.isEmpty()) {
                found = fromEvents.find(query.caseId()).stream().toList();
            }
            List<CaseDocument> visible = found.stream()
                    .filter(doc -> reader.sightOf(doc.parties()).atLeast(CaseSight.FOLLOWER)).toList();
            return views(visible, reader).stream().findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the viewer may fetch the photo: it belongs to a case they see at least as its reporter (the photos of
     * a case are its reporters' and its handlers', never its followers' nor the public's).
     */
    @QueryHandler
    public Boolean handle(FindPhotoAccessQuery query) {
        index.ensureReady();
        try {
            return client.count(c -> c.index(CaseIndex.ALIAS).query(q -> q.bool(b -> b
                    .filter(term("allPhotoHashes", query.sha256()))
                    .filter(access.reader(query.viewer()).filter(CaseSight.REPORTER))))).count() > 0;
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
        CaseAccess.Reader reader = access.reader(query.viewer());
        boolean internalText = reader.readsInternalText();
        try {
            SearchResponse<CaseDocument> response = client.search(s -> {
                s.index(CaseIndex.ALIAS)
                        .query(CaseFilterQueries.of(query, reader.filter(CaseSight.FOLLOWER), internalText))
                        .sort(CaseFilterQueries.sort(query.sort(), from))
                        .size(size)
                        .trackTotalHits(t -> t.enabled(true))
                        .highlight(h -> {
                            // snippets only from what the reader may read: what handlers wrote only for handlers
                            h.preTags("<em>").postTags("</em>").requireFieldMatch(true)
                                    .fields(NamedValue.of("description", HighlightField.of(f -> f
                                            .numberOfFragments(2).fragmentSize(80))))
                                    .fields(NamedValue.of("address", HighlightField.of(f -> f.numberOfFragments(1))));
                            if (internalText) {
                                h.fields(NamedValue.of("statusNote", HighlightField.of(f -> f.numberOfFragments(1))));
                            }
                            return h;
                        });
                if (query.cursor() != null && !query.cursor().isBlank()) {
                    s.searchAfter(SearchCursor.decode(query.cursor()));
                } else {
                    s.from(page * size);
                }
                return s;
            }, CaseDocument.class);
            List<Hit<CaseDocument>> hits = response.hits().hits();
            List<CaseView> cases = views(hits.stream().map(Hit::source).toList(), reader);
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

    /** The photos among these that some case holds, from every case (an aggregation over allPhotoHashes). */
    @QueryHandler
    public Set<String> handle(FindPhotoReferencesQuery query) {
        index.ensureReady();
        if (query.sha256s().isEmpty()) {
            return Set.of();
        }
        List<FieldValue> hashes = query.sha256s().stream().map(FieldValue::of).toList();
        try {
            SearchResponse<Void> response = client.search(s -> s.index(CaseIndex.ALIAS).size(0)
                    .query(q -> q.terms(t -> t.field("allPhotoHashes").terms(v -> v.value(hashes))))
                    .aggregations("held", a -> a.terms(t -> t.field("allPhotoHashes")
                            .include(i -> i.terms(List.copyOf(query.sha256s()))).size(query.sha256s().size()))),
                    Void.class);
            Set<String> held = new java.util.HashSet<>();
            response.aggregations().get("held").sterms().buckets().array()
                    .forEach(bucket -> held.add(bucket.key().stringValue()));
            return held;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Open cases near a point, nearest first: the public record, each as much as the viewer sees of it (the public
     * view, without photos, for a case they have no part in).
     */
    @QueryHandler
    public NearbyCases handle(FindNearbyOpenCasesQuery query) {
        index.ensureReady();
        int radius = Math.clamp(query.radiusMeters(), 1, FindNearbyOpenCasesQuery.MAX_RADIUS_METERS);
        CaseAccess.Reader reader = access.reader(query.viewer());
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
            return new NearbyCases(response.hits().hits().stream().map(Hit::source)
                    .map(doc -> new NearbyCases.Nearby(view(doc, atLeastPublic(reader.sightOf(doc.parties())), Map.of()),
                            (int) Math.round(new GeoPoint(doc.location.lat(), doc.location.lon())
                                    .distanceMetersTo(query.point()))))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Open cases are on the public record: anyone signed in sees at least that much of them. */
    private static CaseSight atLeastPublic(CaseSight sight) {
        return sight.atLeast(CaseSight.PUBLIC) ? sight : CaseSight.PUBLIC;
    }

    /** Views for the reader, each as much as they see of its case; reporters by their pseudonymous handle. */
    private List<CaseView> views(List<CaseDocument> documents, CaseAccess.Reader reader) {
        List<CaseSight> sights = documents.stream().map(doc -> reader.sightOf(doc.parties())).toList();
        List<String> handled = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            if (sights.get(i) == CaseSight.HANDLER && documents.get(i).reporterId != null) {
                handled.add(documents.get(i).reporterId);
            }
        }
        Map<String, String> handles = handled.isEmpty() ? Map.of() : directory.handlesOf(handled.stream().distinct()
                .toList());
        List<CaseView> views = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            views.add(view(documents.get(i), sights.get(i), handles));
        }
        return views;
    }

    private static CaseView view(CaseDocument doc, CaseSight sight, Map<String, String> handles) {
        String handle = sight == CaseSight.HANDLER && doc.reporterId != null ? handles.get(doc.reporterId) : null;
        return doc.toView(handle).seenWith(sight);
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }
}
