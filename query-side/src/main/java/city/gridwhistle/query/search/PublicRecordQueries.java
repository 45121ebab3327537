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
        Query matching = query.caseIds().isEmpty()
                ? CaseFilterQueries.of(new SearchCasesQuery(null, query.filters(), null, CaseSort.NEWEST, null, 0, 1,
                        null, null), CaseAccess.publicRecord(), false)
                : Query.of(q -> q.bool(b -> b.filter(f -> f.ids(i -> i.values(query.caseIds())))
                        .filter(CaseAccess.publicRecord())));
        try {
            SearchResponse<CaseDocument> response = client.search(s -> s
                    .index(CaseIndex.ALIAS)
                    .query(matching)
                    .sort(CaseFilterQueries.sort(CaseSort.NEWEST, null))
                    .from(query.page() * query.size())
                    .size(query.caseIds().isEmpty() ? query.size() : query.caseIds().size())
                    .trackTotalHits(t -> t.enabled(true)), CaseDocument.class);
            List<CaseDocument> found = new ArrayList<>(response.hits().hits().stream().map(Hit::source).toList());
            // a case asked for by id that the index has not caught up with is read from its events
            Set<String> indexed = found.stream().map(doc -> doc.caseId).collect(Collectors.toSet());
            query.caseIds().stream().filter(id -> !indexed.contains(id))
                    .flatMap(id -> fromEvents.find(id).stream())
                    .filter(doc -> CaseVisibility.onPublicRecord(doc.status)).forEach(found::add);
            List<PublicCase> cases = found.stream().map(PublicRecordQueries::of).toList();
            long total = response.hits().total() == null ? cases.size()
                    : response.hits().total().value() + cases.size() - indexed.size();
            return new PublicCases(total, cases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PublicCase of(CaseDocument doc) {
        List<PublicCase.Milestone> milestones = new ArrayList<>();
        milestone(milestones, CaseStatus.REPORTED, doc.reportedAt);
        milestone(milestones, CaseStatus.REGISTERED, doc.registeredAt);
        milestone(milestones, CaseStatus.DISPATCHED, doc.dispatchedAt);
        milestone(milestones, CaseStatus.IN_PROGRESS, doc.acceptedAt);
        milestone(milestones, CaseStatus.RESOLVED, doc.resolvedAt);
        milestone(milestones, CaseStatus.CLOSED, doc.closedAt);
        milestone(milestones, CaseStatus.PARKED, doc.parkedAt);
        milestones.sort(Comparator.comparing(PublicCase.Milestone::at));
        Instant updated = milestones.isEmpty() ? null : milestones.getLast().at();
        String place = Stream.of(doc.community, doc.street, doc.district).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        GeoPoint exact = doc.location == null ? null : new GeoPoint(doc.location.lat(), doc.location.lon());
        return new PublicCase(doc.caseId, doc.status, doc.categoryCode, doc.categoryZh, PublicCase.approximate(exact),
                place.isEmpty() ? null : place, doc.reportedAt, updated,
                "HANDLE".equals(doc.step) ? doc.stepDueAt : null, List.copyOf(milestones));
    }

    private static void milestone(List<PublicCase.Milestone> milestones, CaseStatus status, Instant at) {
        if (at != null) {
            milestones.add(new PublicCase.Milestone(status, at));
        }
    }
}
