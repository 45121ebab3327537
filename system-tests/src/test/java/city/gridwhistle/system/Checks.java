package city.gridwhistle.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The promises every system test checks after breaking things, each against the event store. */
final class Checks {

    /** The events one report writes in one transaction (decision 0002): all of them, or none. */
    static final List<String> INTAKE = List.of("ReportFiledEvent", "CaseRegisteredEvent");
    static final Set<String> ROUTED = Set.of("CaseDispatchedEvent", "CaseQueuedForSupervisorEvent");

    private Checks() {
    }

    /** Every acknowledged report's case is in the event store, and every stored case is whole. */
    static Map<String, List<Store.StoredEvent>> everyAcknowledgedCaseIsStoredWhole(Store store,
                                                                                  Collection<String> acknowledged) {
        Map<String, List<Store.StoredEvent>> cases = store.caseEvents();
        assertThat(cases.keySet()).as("cases answered 201 but missing from the event store")
                .containsAll(acknowledged);
        List<String> halfWritten = new ArrayList<>();
        for (var entry : cases.entrySet()) {
            List<Store.StoredEvent> events = entry.getValue();
            List<String> types = events.stream().map(Store.StoredEvent::type).toList();
            boolean contiguous = true;
            for (int i = 0; i < events.size(); i++) {
                contiguous &= events.get(i).sequence() == i;
            }
            boolean whole = contiguous && types.size() >= 4 && types.subList(0, 2).equals(INTAKE)
                    && ROUTED.contains(types.get(2)) && types.get(3).equals("CaseStepDeadlineSetEvent");
            if (!whole) {
                halfWritten.add(entry.getKey() + " " + types);
            }
        }
        assertThat(halfWritten).as("cases whose intake was not written whole").isEmpty();
        return cases;
    }

    /**
     * Every case of the store is in the search index at its latest event (the index's external version is the
     * case's sequence number): nothing skipped, nothing left behind.
     */
    static void everyCaseIsSearchableAtItsLatestEvent(Store store, Http elasticsearch, Duration within) {
        await("the search index has every case at its latest event").atMost(within).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, Long> latest = new HashMap<>();
                    store.caseEvents().forEach((id, events) -> latest.put(id, events.getLast().sequence()));
                    assertThat(behind(latest, elasticsearch)).as("cases missing from the index or behind the store")
                            .isEmpty();
                });
    }

    private static List<String> behind(Map<String, Long> latest, Http elasticsearch) {
        List<String> behind = new ArrayList<>();
        List<String> ids = new ArrayList<>(latest.keySet());
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            Http.Response found = elasticsearch.post("/cases/_mget?_source=false", Map.of("ids", chunk), null);
            assertThat(found.status()).as("_mget: %s", found.body()).isEqualTo(200);
            for (JsonNode doc : found.body().path("docs")) {
                long expected = latest.get(doc.path("_id").asText());
                if (!doc.path("found").asBoolean() || doc.path("_version").asLong() != expected) {
                    behind.add(doc.path("_id").asText() + " at " + doc.path("_version").asText("none") + " of "
                            + expected);
                }
            }
        }
        return behind;
    }

    /**
     * The riders' inboxes (a tracking processor into PostgreSQL) hold one notification for the reporter of each
     * registration and dispatch: none skipped, none doubled, whichever instance projected it.
     */
    static void everyReporterIsNotifiedOnceOfEachStep(Store store, Duration within) {
        Set<String> notifying = Set.of("CaseRegisteredEvent", "CaseDispatchedEvent");
        await("every reporter notified of each step").atMost(within).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, Long> perEvent = new HashMap<>();
                    store.rows("select event_id, count(*) as n from rider_notification group by event_id")
                            .forEach(r -> perEvent.put(r.get("event_id").toString(), ((Number) r.get("n")).longValue()));
                    List<String> wrong = new ArrayList<>();
                    store.caseEvents().values().forEach(events -> events.stream()
                            .filter(e -> notifying.contains(e.type()))
                            .filter(e -> perEvent.getOrDefault(e.eventId(), 0L) != 1)
                            .forEach(e -> wrong.add(e.aggregateId() + " " + e.type() + ": "
                                    + perEvent.getOrDefault(e.eventId(), 0L) + " notifications")));
                    assertThat(wrong).as("steps notified other than once").isEmpty();
                });
    }

    /**
     * Every clock of every case ran out exactly once: one warning, one escalation (a deadline fired twice would
     * escalate twice), and no deadline is left in db-scheduler's table.
     */
    static void everyDeadlineFiredOnce(Store store, Duration within) {
        await("every drill deadline has fired").atMost(within).pollInterval(Duration.ofSeconds(1))
                .until(() -> escalations(store).values().stream().allMatch(n -> n >= 1)
                        && store.count("select count(*) from scheduled_tasks where task_name like '%eadline%'") == 0);
        Map<String, Long> escalations = escalations(store);
        Map<String, Long> twice = escalations.entrySet().stream().filter(e -> e.getValue() != 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(twice).as("cases escalated other than once").isEmpty();
        Map<String, Long> warnings = new HashMap<>();
        store.caseEvents().forEach((id, events) -> warnings.put(id,
                events.stream().filter(e -> e.type().equals("CaseStepDeadlineWarnedEvent")).count()));
        assertThat(warnings.values()).as("warnings per case").containsOnly(1L);
    }

    private static Map<String, Long> escalations(Store store) {
        Map<String, Long> escalations = new HashMap<>();
        store.caseEvents().forEach((id, events) -> escalations.put(id,
                events.stream().filter(e -> e.type().equals("CaseEscalatedEvent")).count()));
        return escalations;
    }

    /** Checkpoints cover the event store's global indexes one after another, with no gap and no overlap. */
    static void checkpointsFollowOneAnother(Store store) {
        List<Map<String, Object>> rows = store.rows(
                "select checkpoint_id, from_global_index, to_global_index from audit_checkpoint order by checkpoint_id");
        long expectedFrom = -1;
        List<String> wrong = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            long from = ((Number) row.get("from_global_index")).longValue();
            long to = ((Number) row.get("to_global_index")).longValue();
            if (expectedFrom >= 0 && from != expectedFrom) {
                wrong.add("checkpoint " + row.get("checkpoint_id") + " starts at " + from + ", not " + expectedFrom);
            }
            expectedFrom = to + 1;
        }
        assertThat(wrong).as("checkpoints that overlap or leave a gap").isEmpty();
    }

    /** Owners of a processor's segments in token_entry ({@code null} for an unclaimed segment). */
    static Map<Integer, String> segmentOwners(Store store, String processor) {
        Map<Integer, String> owners = new HashMap<>();
        for (Map<String, Object> row : store.rows(
                "select segment, owner from token_entry where processor_name = ? order by segment", processor)) {
            owners.put(((Number) row.get("segment")).intValue(), (String) row.get("owner"));
        }
        return owners;
    }

    static Set<String> processors(Store store) {
        Set<String> names = new HashSet<>();
        store.rows("select distinct processor_name from token_entry").forEach(r -> names.add(r.get("processor_name")
                .toString()));
        return names;
    }
}
