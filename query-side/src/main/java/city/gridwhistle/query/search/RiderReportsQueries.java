package city.gridwhistle.query.search;

import city.gridwhistle.api.casework.ReportAttachedEvent;
import city.gridwhistle.api.intake.ReportFiledEvent;
import city.gridwhistle.api.rider.FindRiderReportsQuery;
import city.gridwhistle.api.rider.RiderReports;
import city.gridwhistle.api.shared.PhotoRef;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The reports of a rider and the photos they sent with each: the case index says which cases name the rider as a
 * reporter, each case's stream which of its reports were the rider's. Asked before the rider is erased, since the
 * index names them no longer afterwards (decision 0046).
 */
@Component
public class RiderReportsQueries {

    private final CaseIndex index;
    private final CaseDocumentStore store;
    private final EventStore eventStore;

    public RiderReportsQueries(CaseIndex index, CaseDocumentStore store, EventStore eventStore) {
        this.index = index;
        this.store = store;
        this.eventStore = eventStore;
    }

    @QueryHandler
    public RiderReports handle(FindRiderReportsQuery query) {
        index.ensureReady();
        String riderId = query.riderId();
        return new RiderReports(riderId, store.naming(CaseIndex.ALIAS, Set.of(riderId)).values().stream()
                .filter(doc -> doc.reporterIds.contains(riderId) || riderId.equals(doc.reporterId))
                .sorted(Comparator.comparing((CaseDocument doc) -> doc.caseId))
                .map(doc -> new RiderReports.Report(doc.caseId, photosOf(riderId, doc.caseId)))
                .toList());
    }

    /** Every event of the case's stream from its first, never a snapshot in their place. */
    private List<String> photosOf(String riderId, String caseId) {
        return eventStore.readEvents(caseId, 0).asStream().map(DomainEventMessage::getPayload)
                .flatMap(payload -> switch (payload) {
                    case ReportFiledEvent filed when riderId.equals(filed.reporterId()) -> filed.photos().stream();
                    case ReportAttachedEvent attached when riderId.equals(attached.reporterId()) ->
                            attached.photos().stream();
                    default -> Stream.<PhotoRef>empty();
                })
                .map(PhotoRef::sha256).distinct().toList();
    }
}
