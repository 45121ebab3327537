package city.gridwhistle.query.search;

import city.gridwhistle.api.casework.CaseSort;
import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.casework.CaseVisibility;
import city.gridwhistle.api.casework.FindPublicCasesQuery;
import city.gridwhistle.api.casework.PublicCase;
import city.gridwhistle.api.casework.PublicCases;
import city.gridwhistle.api.casework.SearchCasesQuery;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.query.access.CaseAccess;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The public record, read from the index in one request whatever a case's length: the cases on it and, for each,
 * only what {@link PublicCase} may say.
 */
@Component
public class PublicRecordQueries {

    /** The cases on the record: every one on the public record, and voided and merged ones as tombstones. */
    private static final Query ON_RECORD = Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
            .should(CaseAccess.publicRecord())
            .should(s -> s.terms(t -> t.field("status").terms(v -> v.value(List.of(
                    co.elastic.clients.elasticsearch._types.FieldValue.of(CaseStatus.VOIDED.name()),
                    co.elastic.clients.elasticsearch._types.FieldValue.of(CaseStatus.MERGED.name()))))))));

    private final ElasticsearchClient client;
    private final CaseIndex index;
    private final CaseFromEvents fromEvents;

    public PublicRecordQueries(ElasticsearchClient client, CaseIndex index, CaseFromEvents fromEvents) {
        this.client = client;
        this.index = index;
        this.fromEvents = fromEvents;
    }

    @QueryHandler
    public PublicCases handle(FindPublicCasesQuery query) {
        index.ensureReady();
        // a tombstone says nothing of what: one may not be found by its kind either
        Query record = query.filters().categoryCode() == null ? ON_RECORD : CaseAccess.publicRecord();
        Query matching = query.caseIds().isEmpty()
                ? CaseFilterQueries.of(new SearchCasesQuery(null, query.filters(), null, CaseSort.NEWEST, null, 0, 1,
                        null, null), record, false)
                : Query.of(q -> q.bool(b -> b.filter(f -> f.ids(i -> i.values(query.caseIds())))
                        .filter(ON_RECORD)));
        if (query.byUpdated()) {
            Query chosen = matching;
            matching = Query.of(q -> q.bool(b -> b.filter(chosen).filter(f -> f.range(r -> r.date(d -> {
                d.field("lastModifiedAt");
                if (query.updatedFrom() != null) {
                    d.gte(query.updatedFrom().toString());
                }
                if (query.updatedTo() != null) {
                    d.lt(query.updatedTo().toString());
                }
                return d;
            })))));
        }
        List<SortOptions> order = query.byUpdated()
                ? List.of(SortOptions.of(o -> o.field(f -> f.field("lastModifiedAt").order(SortOrder.Asc))),
                        SortOptions.of(o -> o.field(f -> f.field("caseId").order(SortOrder.Asc))))
                : CaseFilterQueries.sort(CaseSort.NEWEST, null);
        Query where = matching;
        try {
            SearchResponse<CaseDocument> response = client.search(s -> s
                    .index(CaseIndex.ALIAS)
                    .query(where)
                    .sort(order)
                    .from(query.page() * query.size())
                    .size(query.caseIds().isEmpty() ? query.size() : query.caseIds().size())
                    .trackTotalHits(t -> t.enabled(true)), CaseDocument.class);
            List<CaseDocument> found = new ArrayList<>(response.hits().hits().stream().map(Hit::source).toList());
            // a case asked for by id that the index has not caught up with is read from its events (decision 0052)
            Set<String> indexed = found.stream().map(doc -> doc.caseId).collect(Collectors.toSet());
            if (!query.byUpdated()) {
                query.caseIds().stream().filter(id -> !indexed.contains(id))
                        .flatMap(id -> fromEvents.find(id).stream())
                        .filter(PublicRecordQueries::onRecord).forEach(found::add);
            }
            List<PublicCase> cases = found.stream().map(doc -> of(doc, query.reporterId())).toList();
            long total = response.hits().total() == null ? cases.size()
                    : response.hits().total().value() + cases.size() - indexed.size();
            return new PublicCases(total, cases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@link #ON_RECORD} asks of the index, asked of a document read from the events. */
    private static boolean onRecord(CaseDocument doc) {
        return CaseVisibility.onPublicRecord(doc.status) || doc.status == CaseStatus.VOIDED
                || doc.status == CaseStatus.MERGED;
    }

    static PublicCase of(CaseDocument doc) {
        return of(doc, null);
    }

    /**
     * The case as the record shows it; to the reporter named (a partner reading what it filed), with the report's
     * photos, which the visibility rule gives a reporter and nobody else on the public record.
     */
    static PublicCase of(CaseDocument doc, String reporterId) {
        if (doc.status == CaseStatus.VOIDED || doc.status == CaseStatus.MERGED) {
            return tombstone(doc);
        }
        List<PublicCase.Milestone> milestones = new ArrayList<>();
        milestone(milestones, CaseStatus.REPORTED, doc.reportedAt);
        milestone(milestones, CaseStatus.REGISTERED, doc.registeredAt);
        milestone(milestones, CaseStatus.DISPATCHED, doc.dispatchedAt);
        milestone(milestones, CaseStatus.IN_PROGRESS, doc.acceptedAt);
        milestone(milestones, CaseStatus.RESOLVED, doc.resolvedAt);
        milestone(milestones, CaseStatus.CLOSED, doc.closedAt);
        milestone(milestones, CaseStatus.PARKED, doc.parkedAt);
        milestones.sort(Comparator.comparing(PublicCase.Milestone::at));
        Instant updated = doc.lastModifiedAt != null ? doc.lastModifiedAt
                : milestones.isEmpty() ? null : milestones.getLast().at();
        String place = Stream.of(doc.community, doc.street, doc.district).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        GeoPoint exact = doc.location == null ? null : new GeoPoint(doc.location.lat(), doc.location.lon());
        return new PublicCase(doc.caseId, doc.status, doc.categoryCode, doc.categoryZh, PublicCase.approximate(exact),
                place.isEmpty() ? null : place, doc.reportedAt, updated,
                "HANDLE".equals(doc.step) ? doc.stepDueAt : null, List.copyOf(milestones),
                reporterId != null && doc.parties().reporterIds().contains(reporterId) ? doc.photoHashes : List.of());
    }

    /**
     * A voided or merged case as the record keeps it: that it existed, when it was reported and when it ended;
     * not what, where, or why (decision 0050).
     */
    static PublicCase tombstone(CaseDocument doc) {
        List<PublicCase.Milestone> milestones = new ArrayList<>();
        milestone(milestones, CaseStatus.REPORTED, doc.reportedAt);
        Instant ended = doc.voidedAt != null ? doc.voidedAt : doc.lastModifiedAt;
        milestone(milestones, doc.status, ended);
        milestones.sort(Comparator.comparing(PublicCase.Milestone::at));
        Instant updated = doc.lastModifiedAt != null ? doc.lastModifiedAt : ended;
        return new PublicCase(doc.caseId, doc.status, null, null, null, null, doc.reportedAt, updated, null,
                List.copyOf(milestones), List.of());
    }

    private static void milestone(List<PublicCase.Milestone> milestones, CaseStatus status, Instant at) {
        if (at != null) {
            milestones.add(new PublicCase.Milestone(status, at));
        }
    }
}
