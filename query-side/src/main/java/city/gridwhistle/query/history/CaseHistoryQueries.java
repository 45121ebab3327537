package city.gridwhistle.query.history;

import city.gridwhistle.api.audit.CaseAsOf;
import city.gridwhistle.api.audit.CaseDiff;
import city.gridwhistle.api.audit.CaseHistory;
import city.gridwhistle.api.audit.FindCaseAsOfQuery;
import city.gridwhistle.api.audit.FindCaseDiffQuery;
import city.gridwhistle.api.audit.FindCaseHistoryQuery;
import city.gridwhistle.api.audit.FindHistoryAccessesQuery;
import city.gridwhistle.api.audit.HistoryAccess;
import city.gridwhistle.api.audit.HistoryAccessedEvent;
import city.gridwhistle.api.audit.HistoryAccesses;
import city.gridwhistle.api.audit.HistoryEntry;
import city.gridwhistle.api.audit.HistoryPoint;
import city.gridwhistle.api.audit.RecordHistoryAccessCommand;
import city.gridwhistle.api.casework.CaseRegisteredEvent;
import city.gridwhistle.api.casework.CaseSight;
import city.gridwhistle.api.casework.CaseTransferredEvent;
import city.gridwhistle.api.casework.CaseView;
import city.gridwhistle.api.casework.CaseVisibility;
import city.gridwhistle.api.intake.ReportFiledEvent;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.query.search.CaseReplay;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers audit queries from the event store, never from the search index: an inquiry must see what was recorded,
 * not what a projection made of it. Supervisors of the case's present district and administrators may audit a
 * case; to anyone else it does not exist, as elsewhere.
 */
@Component
public class CaseHistoryQueries {

    /**
     * Metadata keys stamped by the web layer (decision 0009), by Axon, and by the hash chain. Events recorded before
     * decision 0046 carry the account name too: it is never read, the web layer names staff from their accounts.
     */
    static final String USER = "userId";
    static final String ROLE = "role";
    static final String UNIT = "unit";
    static final String CHANNEL = "channel";
    static final String CORRELATION = "correlationId";
    static final String TRACE = "traceId";
    static final String HASH = "gw.hash";
    static final String PREVIOUS_HASH = "gw.prevHash";

    private final EventStore eventStore;

    public CaseHistoryQueries(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    public Optional<CaseHistory> handle(FindCaseHistoryQuery query) {
        return auditable(query.caseId(), query.viewer()).map(events -> new CaseHistory(query.caseId(),
                events.stream().map(CaseHistoryQueries::entryOf).toList()));
    }

    @QueryHandler
    public Optional<CaseAsOf> handle(FindCaseAsOfQuery query) {
        return auditable(query.caseId(), query.viewer()).flatMap(events -> upTo(events, query.point()))
                .flatMap(events -> state(query.caseId(), events)
                        .map(state -> new CaseAsOf(query.caseId(), instantOf(query.point(), events), state)));
    }

    @QueryHandler
    public Optional<CaseDiff> handle(FindCaseDiffQuery query) {
        return auditable(query.caseId(), query.viewer()).flatMap(events -> {
            var before = upTo(events, query.from());
            var after = upTo(events, query.to());
            Optional<CaseView> stateBefore = before.flatMap(upTo -> state(query.caseId(), upTo));
            Optional<CaseView> stateAfter = after.flatMap(upTo -> state(query.caseId(), upTo));
            if (stateBefore.isEmpty() || stateAfter.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new CaseDiff(query.caseId(), instantOf(query.from(), before.get()),
                    instantOf(query.to(), after.get()), CaseStateDiff.between(stateBefore.get(), stateAfter.get())));
        });
    }

    @QueryHandler
    public Optional<HistoryAccesses> handle(FindHistoryAccessesQuery query) {
        return auditable(query.caseId(), query.viewer()).map(events -> new HistoryAccesses(query.caseId(),
                wholeStream(RecordHistoryAccessCommand.accessLogIdOf(query.caseId()))
                        .filter(event -> event.getPayload() instanceof HistoryAccessedEvent)
                        .map(event -> {
                            HistoryAccessedEvent accessed = (HistoryAccessedEvent) event.getPayload();
                            return new HistoryAccess(accessed.viewerId(), accessed.role(),
                                    text(event.getMetaData(), UNIT), accessed.action(), accessed.detail(),
                                    text(event.getMetaData(), CHANNEL), accessed.at());
                        })
                        .toList()));
    }

    /**
     * The case's events, when it is a case (its stream opens with a report) and the viewer may audit it: an
     * administrator, or a supervisor whose unit covers the district the case lies in now.
     */
    private Optional<List<? extends DomainEventMessage<?>>> auditable(String caseId, Actor viewer) {
        if (caseId == null || viewer == null || !(viewer.is(Role.SUPERVISOR) || viewer.is(Role.ADMIN))) {
            return Optional.empty();
        }
        List<? extends DomainEventMessage<?>> events = wholeStream(caseId).toList();
        if (events.isEmpty() || !(events.getFirst().getPayload() instanceof ReportFiledEvent)) {
            return Optional.empty();
        }
        String district = null;
        for (DomainEventMessage<?> event : events) {
            switch (event.getPayload()) {
                case CaseRegisteredEvent registered -> district = registered.cell().districtCode();
                case CaseTransferredEvent transferred -> district = transferred.toCell().districtCode();
                default -> {
                }
            }
        }
        // auditing is the supervisors' and administrators' part of handling: the case's district decides (its cell
        // and assignee matter only to workers, who may not audit)
        CaseSight sight = CaseVisibility.sightOf(viewer,
                new CaseVisibility.Parties(null, district, null, null, null, null), cell -> false);
        return sight == CaseSight.HANDLER ? Optional.of(events) : Optional.empty();
    }

    /**
     * Every event of the stream from its first, never a snapshot in their place: {@code readEvents(id)} would start
     * from the aggregate's latest snapshot (decision 0022), and an audit must see what was recorded.
     */
    private Stream<? extends DomainEventMessage<?>> wholeStream(String aggregateId) {
        return eventStore.readEvents(aggregateId, 0).asStream();
    }

    /** The events that had happened by the point; empty when there is no such event (a sequence never reached). */
    private static Optional<List<? extends DomainEventMessage<?>>> upTo(List<? extends DomainEventMessage<?>> events,
                                                                      HistoryPoint point) {
        if (point.afterSequence() != null && point.afterSequence() > events.getLast().getSequenceNumber()) {
            return Optional.empty();
        }
        return Optional.of(events.stream()
                .filter(event -> point.includes(event.getSequenceNumber(), event.getTimestamp()))
                .toList());
    }

    /** The case after these events, folded as the index folds them; empty before its report was filed. */
    private static Optional<CaseView> state(String caseId, List<? extends DomainEventMessage<?>> events) {
        return Optional.ofNullable(CaseReplay.stateAfter(caseId, events));
    }

    /** The point as an instant: itself, or when the last event it counts was appended. */
    private static Instant instantOf(HistoryPoint point, List<? extends DomainEventMessage<?>> events) {
        return point.at() != null ? point.at() : events.getLast().getTimestamp();
    }

    private static HistoryEntry entryOf(DomainEventMessage<?> event) {
        Object payload = event.getPayload();
        MetaData metaData = event.getMetaData();
        String userId = text(metaData, USER);
        boolean bySystem = userId == null;
        String role = bySystem ? Role.SYSTEM.name() : text(metaData, ROLE);
        EventDescriptions.Description description = EventDescriptions.of(payload);
        return new HistoryEntry(
                event.getSequenceNumber(),
                event.getIdentifier(),
                payload.getClass().getSimpleName(),
                event.getTimestamp(),
                EventFacts.deviceTime(payload),
                bySystem ? Actor.SYSTEM.id() : userId,
                null,
                role,
                text(metaData, UNIT),
                text(metaData, CHANNEL),
                EventFacts.reason(payload),
                text(metaData, CORRELATION),
                text(metaData, TRACE),
                text(metaData, HASH),
                text(metaData, PREVIOUS_HASH),
                EventFacts.photoHashes(payload),
                description.zh(),
                description.en());
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
