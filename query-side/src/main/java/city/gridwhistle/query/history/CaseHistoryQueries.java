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
import city.gridwhistle.api.audit.RecordHistoryAccessCommand;
import city.gridwhistle.api.casework.CaseRegisteredEvent;
import city.gridwhistle.api.casework.CaseTransferredEvent;
import city.gridwhistle.api.casework.CaseView;
import city.gridwhistle.api.intake.ReportFiledEvent;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.query.search.CaseReplay;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    /** Metadata keys stamped by the web layer (decision 0009), by Axon, and by the hash chain. */
    static final String USER = "userId";
    static final String USERNAME = "username";
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
        return auditable(query.caseId(), query.viewer())
                .flatMap(events -> stateAt(query.caseId(), events, query.at()))
                .map(state -> new CaseAsOf(query.caseId(), query.at(), state));
    }

    @QueryHandler
    public Optional<CaseDiff> handle(FindCaseDiffQuery query) {
        return auditable(query.caseId(), query.viewer()).flatMap(events -> {
            Optional<CaseView> before = stateAt(query.caseId(), events, query.from());
            Optional<CaseView> after = stateAt(query.caseId(), events, query.to());
            if (before.isEmpty() || after.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new CaseDiff(query.caseId(), query.from(), query.to(),
                    CaseStateDiff.between(before.get(), after.get())));
        });
    }

    @QueryHandler
    public Optional<HistoryAccesses> handle(FindHistoryAccessesQuery query) {
        return auditable(query.caseId(), query.viewer()).map(events -> new HistoryAccesses(query.caseId(),
                eventStore.readEvents(RecordHistoryAccessCommand.accessLogIdOf(query.caseId())).asStream()
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
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(caseId).asStream().toList();
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
        boolean mayAudit = viewer.is(Role.ADMIN) || viewer.covers(district);
        return mayAudit ? Optional.of(events) : Optional.empty();
    }

    /** The case as it stood at the instant: its events appended at or before it, folded as the index folds them. */
    private static Optional<CaseView> stateAt(String caseId, List<? extends DomainEventMessage<?>> events, Instant at) {
        List<? extends DomainEventMessage<?>> upTo = events.stream()
                .filter(event -> !event.getTimestamp().isAfter(at))
                .toList();
        return Optional.ofNullable(CaseReplay.stateAfter(caseId, upTo));
    }

    private static HistoryEntry entryOf(DomainEventMessage<?> event) {
        Object payload = event.getPayload();
        MetaData metaData = event.getMetaData();
        String userId = text(metaData, USER);
        boolean bySystem = userId == null;
        String role = bySystem ? Role.SYSTEM.name() : text(metaData, ROLE);
        // a rider's account name may be their phone number: riders appear by their pseudonymous id only
        String username = bySystem ? null : Role.RIDER.name().equals(role) ? null : text(metaData, USERNAME);
        EventDescriptions.Description description = EventDescriptions.of(payload);
        return new HistoryEntry(
                event.getSequenceNumber(),
                event.getIdentifier(),
                payload.getClass().getSimpleName(),
                event.getTimestamp(),
                EventFacts.deviceTime(payload),
                bySystem ? Actor.SYSTEM.id() : userId,
                username,
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
