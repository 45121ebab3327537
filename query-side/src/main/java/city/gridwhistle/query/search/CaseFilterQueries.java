package city.gridwhistle.query.search;

import city.gridwhistle.api.casework.CaseFilters;
import city.gridwhistle.api.casework.CaseSort;
import city.gridwhistle.api.casework.GeoScope;
import city.gridwhistle.api.casework.SearchCasesQuery;
import city.gridwhistle.api.shared.GeoPoint;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A case search as an Elasticsearch query and sort: text, filters, place, and the viewer's access filter. */
final class CaseFilterQueries {

    /** What anyone who sees a case may search it by: what was reported, where, and its category. */
    static final List<String> PUBLIC_TEXT = List.of("description", "description.en", "address", "address.en",
            "categoryZh", "categoryEn");
    /** Those who handle cases search what handlers wrote too (reasons, notes). */
    static final List<String> INTERNAL_TEXT = List.of("statusNote", "statusNote.en");

    private CaseFilterQueries() {
    }

    /**
     * The query: the text matched against the fields the reader may read ({@code internalText}: what handlers
     * wrote as well), within the reader's access filter.
     */
    static Query of(SearchCasesQuery query, Query access, boolean internalText) {
        List<Query> must = new ArrayList<>();
        List<Query> filter = new ArrayList<>();
        filter.add(access);
        if (query.text() != null && !query.text().isBlank()) {
            List<String> fields = new ArrayList<>(PUBLIC_TEXT);
            if (internalText) {
                fields.addAll(INTERNAL_TEXT);
            }
            must.add(Query.of(q -> q.multiMatch(m -> m.query(query.text()).fields(fields).operator(Operator.And))));
        }
        CaseFilters f = query.filters();
        if (!f.statuses().isEmpty()) {
            filter.add(terms("status", f.statuses().stream().map(Enum::name).toList()));
        }
        addTerm(filter, "family", f.family() == null ? null : f.family().name());
        addTerm(filter, "majorCode", f.majorCode());
        addTerm(filter, "categoryCode", f.categoryCode());
        addTerm(filter, "districtCode", f.districtCode());
        addTerm(filter, "streetCode", f.streetCode());
        addTerm(filter, "communityCode", f.communityCode());
        addTerm(filter, "cellCode", f.cellCode());
        addTerm(filter, "workerId", f.workerId());
        addTerm(filter, "urgency", f.urgency());
        if (f.reportedFrom() != null || f.reportedTo() != null) {
            filter.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field("reportedAt");
                if (f.reportedFrom() != null) {
                    d.gte(f.reportedFrom().toString());
                }
                if (f.reportedTo() != null) {
                    d.lt(f.reportedTo().toString());
                }
                return d;
            }))));
        }
        if (f.overdue() != null) {
            Query overdue = overdueNow(Instant.now());
            filter.add(f.overdue() ? overdue : Query.of(q -> q.bool(b -> b.mustNot(overdue))));
        }
        if (f.awaitingSupervisor() != null) {
            filter.add(Query.of(q -> q.term(t -> t.field("awaitingSupervisor").value(f.awaitingSupervisor()))));
        }
        if (f.escalated() != null) {
            filter.add(Query.of(q -> q.term(t -> t.field("escalated").value(f.escalated()))));
        }
        if (query.geo() != null) {
            filter.add(geo(query.geo()));
        }
        return Query.of(q -> q.bool(b -> b.must(must).filter(filter)));
    }

    /** A running step whose due time has passed. */
    static Query overdueNow(Instant now) {
        return Query.of(q -> q.range(r -> r.date(d -> d.field("stepDueAt").lt(now.toString()))));
    }

    static List<SortOptions> sort(CaseSort sort, GeoPoint from) {
        List<SortOptions> order = new ArrayList<>();
        switch (sort) {
            case NEWEST -> order.add(field("reportedAt", SortOrder.Desc));
            case OLDEST -> order.add(field("reportedAt", SortOrder.Asc));
            case PRIORITY -> {
                order.add(field("priority", SortOrder.Desc));
                order.add(field("reportedAt", SortOrder.Desc));
            }
            case DEADLINE -> order.add(SortOptions.of(o -> o.field(s -> s.field("stepDueAt").order(SortOrder.Asc)
                    .missing(FieldValue.of("_last")))));
            case DISTANCE -> order.add(SortOptions.of(o -> o.geoDistance(g -> g.field("location")
                    .location(l -> l.latlon(ll -> ll.lat(from.lat()).lon(from.lon()))).order(SortOrder.Asc))));
        }
        order.add(field("caseId", SortOrder.Asc));
        return order;
    }

    private static Query geo(GeoScope geo) {
        if (geo.isCircle()) {
            return Query.of(q -> q.geoDistance(g -> g.field("location")
                    .location(l -> l.latlon(ll -> ll.lat(geo.center().lat()).lon(geo.center().lon())))
                    .distance(geo.radiusMeters() + "m")));
        }
        if (geo.isBox()) {
            return Query.of(q -> q.geoBoundingBox(g -> g.field("location").boundingBox(b -> b.tlbr(t -> t
                    .topLeft(l -> l.latlon(ll -> ll.lat(geo.northWest().lat()).lon(geo.northWest().lon())))
                    .bottomRight(l -> l.latlon(ll -> ll.lat(geo.southEast().lat()).lon(geo.southEast().lon())))))));
        }
        throw new IllegalArgumentException("a place is a circle or a box");
    }

    private static SortOptions field(String name, SortOrder order) {
        return SortOptions.of(o -> o.field(s -> s.field(name).order(order)));
    }

    private static void addTerm(List<Query> filter, String field, String value) {
        if (value != null && !value.isBlank()) {
            filter.add(Query.of(q -> q.term(t -> t.field(field).value(value))));
        }
    }

    private static Query terms(String field, List<String> values) {
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
    }
}
