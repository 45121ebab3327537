package city.gridwhistle.query.history;

import static city.gridwhistle.query.history.SampleCaseEvents.CASE;
import static city.gridwhistle.query.history.SampleCaseEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.api.audit.CaseAsOf;
import city.gridwhistle.api.audit.FindCaseAsOfQuery;
import city.gridwhistle.api.audit.FindCaseDiffQuery;
import city.gridwhistle.api.audit.FindCaseHistoryQuery;
import city.gridwhistle.api.audit.FindHistoryAccessesQuery;
import city.gridwhistle.api.audit.HistoryAccessAction;
import city.gridwhistle.api.audit.HistoryAccessedEvent;
import city.gridwhistle.api.audit.HistoryEntry;
import city.gridwhistle.api.audit.HistoryPoint;
import city.gridwhistle.api.audit.RecordHistoryAccessCommand;
import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.casework.CaseStepDeadlineWarnedEvent;
import city.gridwhistle.api.rider.RiderRegisteredEvent;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.Role;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit queries over a real (in-memory) Axon event store holding a case with one event of every kind. */
class CaseHistoryQueriesTest {

    private static final Actor CITY_SUPERVISOR = new Actor("S-CITY", Role.SUPERVISOR);
    private static final Actor LONGQUANYI_SUPERVISOR = new Actor("S-LQY", Role.SUPERVISOR, "510112");
    private static final Actor JINJIANG_SUPERVISOR = new Actor("S-JJ", Role.SUPERVISOR, "510104");
    private static final Actor ADMIN = new Actor("A-1", Role.ADMIN);

    private EmbeddedEventStore store;
    private CaseHistoryQueries queries;

    @BeforeEach
    void setUp() {
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        queries = new CaseHistoryQueries(store);
        List<Object> events = SampleCaseEvents.everyKind();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            Object payload = events.get(sequence);
            store.publish(new GenericDomainEventMessage<>("CaseFile", CASE, sequence, payload, metaDataFor(payload),
                    UUID.randomUUID().toString(), at(sequence)));
        }
    }

    @AfterEach
    void tearDown() {
        store.shutDown();
    }

    @Test
    void theHistoryListsEveryEventInOrderWithWhoWhenAndWhy() {
        List<HistoryEntry> entries = queries.handle(new FindCaseHistoryQuery(CASE, CITY_SUPERVISOR)).orElseThrow()
                .entries();

        assertThat(entries).hasSize(SampleCaseEvents.everyKind().size());
        assertThat(entries).extracting(HistoryEntry::sequence).isSorted().startsWith(0L, 1L, 2L);
        HistoryEntry filed = entries.getFirst();
        assertThat(filed.eventType()).isEqualTo("ReportFiledEvent");
        assertThat(filed.deviceTime()).isEqualTo(at(-1));
        assertThat(filed.serverTime()).isEqualTo(at(0));
        assertThat(filed.userId()).isEqualTo("R041");
        assertThat(filed.role()).isEqualTo("RIDER");
        assertThat(filed.username()).as("a rider's account name may be personal").isNull();
        assertThat(filed.channel()).isEqualTo("APP");
        assertThat(filed.reason()).isEqualTo("燃气井盖松动");
        assertThat(filed.photoHashes()).containsExactly("a".repeat(64));
        assertThat(filed.hash()).isEqualTo("hash-0");
        assertThat(filed.previousHash()).isNull();
        assertThat(filed.correlationId()).isEqualTo("command-0");
        assertThat(filed.traceId()).isEqualTo("trace-1");

        HistoryEntry transfer = entries.stream().filter(e -> e.eventType().equals("CaseTransferredEvent")).findFirst()
                .orElseThrow();
        assertThat(transfer.userId()).isEqualTo("W001");
        assertThat(transfer.username()).as("named from the accounts when shown, never from an old event's metadata")
                .isNull();
        assertThat(transfer.reason()).isEqualTo("地址有误");
        assertThat(transfer.previousHash()).isEqualTo("hash-" + (transfer.sequence() - 1));
        assertThat(transfer.descriptionZh()).isEqualTo("由网格 51010400100103 转至书房社区03网格");
    }

    @Test
    void whatTheClockDidIsShownAsDoneByTheSystem() {
        HistoryEntry warned = queries.handle(new FindCaseHistoryQuery(CASE, ADMIN)).orElseThrow().entries().stream()
                .filter(e -> e.eventType().equals("CaseStepDeadlineWarnedEvent")).findFirst().orElseThrow();

        assertThat(warned.userId()).isEqualTo("system");
        assertThat(warned.role()).isEqualTo("SYSTEM");
        assertThat(warned.username()).isNull();
        assertThat(warned.channel()).isNull();
    }

    @Test
    void onlySupervisorsOfTheCasesPresentDistrictAndAdministratorsMayAuditIt() {
        assertThat(queries.handle(new FindCaseHistoryQuery(CASE, LONGQUANYI_SUPERVISOR))).isPresent();
        assertThat(queries.handle(new FindCaseHistoryQuery(CASE, ADMIN))).isPresent();
        assertThat(queries.handle(new FindCaseHistoryQuery(CASE, JINJIANG_SUPERVISOR)))
                .as("the case moved out of 锦江区").isEmpty();
        assertThat(queries.handle(new FindCaseHistoryQuery(CASE, new Actor("W001", Role.GRID_WORKER)))).isEmpty();
        assertThat(queries.handle(new FindCaseHistoryQuery(CASE, new Actor("R041", Role.RIDER)))).isEmpty();
        assertThat(queries.handle(new FindCaseAsOfQuery(CASE, at(10), JINJIANG_SUPERVISOR))).isEmpty();
        assertThat(queries.handle(new FindHistoryAccessesQuery(CASE, JINJIANG_SUPERVISOR))).isEmpty();
    }

    @Test
    void aStreamThatIsNotACaseHasNoCaseHistory() {
        store.publish(new GenericDomainEventMessage<>("Rider", "R041", 0,
                new RiderRegisteredEvent("R041", "骑手1", "美团", "510104", null)));

        assertThat(queries.handle(new FindCaseHistoryQuery("R041", ADMIN))).isEmpty();
        assertThat(queries.handle(new FindCaseHistoryQuery("no-such-case", ADMIN))).isEmpty();
    }

    @Test
    void theStateAsOfAnInstantCountsOnlyTheEventsAppendedByThen() {
        int transfer = appendedAt("CaseTransferredEvent");
        CaseAsOf beforeTransfer = queries.handle(new FindCaseAsOfQuery(CASE, at(transfer).minusNanos(1),
                CITY_SUPERVISOR)).orElseThrow();
        CaseAsOf atTransfer = queries.handle(new FindCaseAsOfQuery(CASE, at(transfer), CITY_SUPERVISOR)).orElseThrow();
        CaseAsOf reworked = queries.handle(new FindCaseAsOfQuery(CASE, at(appendedAt("CaseVerificationFailedEvent")),
                CITY_SUPERVISOR)).orElseThrow();

        assertThat(beforeTransfer.state().status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(beforeTransfer.state().cell().cellCode()).isEqualTo("51010400100103");
        assertThat(beforeTransfer.state().workerId()).isEqualTo("W001");
        assertThat(atTransfer.state().status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(atTransfer.state().cell().cellCode()).isEqualTo("51011200100103");
        assertThat(atTransfer.state().workerId()).isNull();
        assertThat(reworked.state().status()).isEqualTo(CaseStatus.REWORK);
        assertThat(reworked.state().reworkCount()).isEqualTo(1);
        assertThat(reworked.state().reporterHandle()).isNull();
    }

    @Test
    void beforeItsFirstReportACaseDidNotExist() {
        assertThat(queries.handle(new FindCaseAsOfQuery(CASE, at(0).minusNanos(1), ADMIN))).isEmpty();
        assertThat(queries.handle(new FindCaseDiffQuery(CASE, at(-5), at(10), ADMIN))).isEmpty();
    }

    @Test
    void theDiffNamesTheFieldsThatChangedBetweenTwoInstants() {
        int transfer = appendedAt("CaseTransferredEvent");
        var diff = queries.handle(new FindCaseDiffQuery(CASE, at(transfer - 1), at(transfer), ADMIN)).orElseThrow();

        assertThat(diff.changes()).extracting(c -> c.field()).contains("status", "cell.cellCode", "workerId");
    }

    @Test
    void theAccessLogIsReadFromItsOwnStream() {
        store.publish(new GenericDomainEventMessage<>("CaseAccessLog", RecordHistoryAccessCommand.accessLogIdOf(CASE),
                0, new HistoryAccessedEvent(CASE, "S-CITY", Role.SUPERVISOR, HistoryAccessAction.EXPORTED_PDF, null,
                at(60)), Map.of("channel", "APP")));

        var accesses = queries.handle(new FindHistoryAccessesQuery(CASE, ADMIN)).orElseThrow().accesses();

        assertThat(accesses).singleElement().satisfies(access -> {
            assertThat(access.viewerId()).isEqualTo("S-CITY");
            assertThat(access.action()).isEqualTo(HistoryAccessAction.EXPORTED_PDF);
            assertThat(access.channel()).isEqualTo("APP");
        });
    }

    @Test
    void aSnapshotNeverStandsInForTheEventsBeforeIt() {
        int last = SampleCaseEvents.everyKind().size() - 1;
        store.storeSnapshot(new GenericDomainEventMessage<>("CaseFile", CASE, last - 3, "the case file's state"));
        store.publish(new GenericDomainEventMessage<>("CaseAccessLog", RecordHistoryAccessCommand.accessLogIdOf(CASE),
                0, new HistoryAccessedEvent(CASE, "S-CITY", Role.SUPERVISOR, HistoryAccessAction.VIEWED, null,
                at(60))));
        store.storeSnapshot(new GenericDomainEventMessage<>("CaseAccessLog",
                RecordHistoryAccessCommand.accessLogIdOf(CASE), 0, "the access log's state"));

        assertThat(queries.handle(new FindCaseHistoryQuery(CASE, ADMIN)).orElseThrow().entries())
                .extracting(HistoryEntry::sequence).hasSize(last + 1).startsWith(0L, 1L);
        assertThat(queries.handle(new FindCaseAsOfQuery(CASE, HistoryPoint.afterEvent(2), ADMIN)).orElseThrow()
                .state().reportCount()).isEqualTo(2);
        assertThat(queries.handle(new FindCaseAsOfQuery(CASE, at(100), ADMIN)).orElseThrow().state().status())
                .isEqualTo(CaseStatus.VOIDED);
        assertThat(queries.handle(new FindCaseDiffQuery(CASE, at(0), at(100), ADMIN))).isPresent();
        assertThat(queries.handle(new FindHistoryAccessesQuery(CASE, ADMIN)).orElseThrow().accesses()).hasSize(1);
    }

    @Test
    void eventsAppendedInTheSameMillisecondAreSteppedThroughBySequence() {
        String caseId = "case-same-millisecond";
        Instant instant = at(0);
        List<Object> events = SampleCaseEvents.everyKind(caseId).subList(0, 5);
        for (int sequence = 0; sequence < events.size(); sequence++) {
            store.publish(new GenericDomainEventMessage<>("CaseFile", caseId, sequence, events.get(sequence),
                    Map.of(), UUID.randomUUID().toString(), instant));
        }

        CaseAsOf afterFiling = queries.handle(new FindCaseAsOfQuery(caseId, HistoryPoint.afterEvent(0), ADMIN))
                .orElseThrow();
        CaseAsOf afterRegistering = queries.handle(new FindCaseAsOfQuery(caseId, HistoryPoint.afterEvent(1), ADMIN))
                .orElseThrow();

        assertThat(afterFiling.state().status()).isEqualTo(CaseStatus.REPORTED);
        assertThat(afterFiling.state().version()).isZero();
        assertThat(afterFiling.at()).isEqualTo(instant);
        assertThat(afterRegistering.state().status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(afterRegistering.state().workerId()).as("not yet dispatched").isNull();
        assertThat(queries.handle(new FindCaseAsOfQuery(caseId, instant, ADMIN)).orElseThrow().state().workerId())
                .as("by time, every event of that millisecond counts").isEqualTo("W002");
        assertThat(queries.handle(new FindCaseAsOfQuery(caseId, HistoryPoint.afterEvent(5), ADMIN)))
                .as("no event 5 yet").isEmpty();
        assertThat(queries.handle(new FindCaseDiffQuery(caseId, HistoryPoint.afterEvent(1), HistoryPoint.afterEvent(4),
                ADMIN)).orElseThrow().changes()).extracting(c -> c.field()).contains("status", "workerId");
    }

    /** The minute (and sequence number) at which the sample event of that type was appended. */
    private static int appendedAt(String type) {
        return SampleCaseEvents.everyKind().stream().map(e -> e.getClass().getSimpleName()).toList().indexOf(type);
    }

    /**
     * What the web layer, Axon and the hash chain stamp on an event; nothing for what the clock did. The account
     * name, too, as events recorded before decision 0046 carry it.
     */
    private static Map<String, Object> metaDataFor(Object payload) {
        Map<String, Object> metaData = new HashMap<>();
        if (payload instanceof CaseStepDeadlineWarnedEvent) {
            return metaData;
        }
        int sequence = SampleCaseEvents.everyKind().stream().map(Object::getClass).toList().indexOf(payload.getClass());
        boolean byRider = sequence == 0;
        metaData.put("userId", byRider ? "R041" : "W001");
        metaData.put("username", byRider ? "r041" : "w001");
        metaData.put("role", byRider ? "RIDER" : "GRID_WORKER");
        metaData.put("channel", "APP");
        metaData.put("correlationId", "command-" + sequence);
        metaData.put("traceId", "trace-1");
        metaData.put("gw.hash", "hash-" + sequence);
        if (sequence > 0) {
            metaData.put("gw.prevHash", "hash-" + (sequence - 1));
        }
        return metaData;
    }
}
