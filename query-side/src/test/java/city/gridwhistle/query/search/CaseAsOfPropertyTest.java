package city.gridwhistle.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.api.audit.FindCaseAsOfQuery;
import city.gridwhistle.api.audit.HistoryPoint;
import city.gridwhistle.api.casework.CaseView;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.query.history.CaseHistoryQueries;
import city.gridwhistle.query.history.SampleCaseEvents;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/**
 * For any run of a case's events, however many share a millisecond and wherever snapshots were taken, the audit's
 * state "after event n" is what the index held once it had folded the first n events, batch by batch, through
 * its JSON, with batches redelivered.
 */
class CaseAsOfPropertyTest {

    private static final String CASE = "case-property";
    private static final Actor ADMIN = new Actor("A-1", Role.ADMIN);
    private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");
    /** Everything after the filing and the registration, in any order, any number of times. */
    private static final List<Object> LATER = SampleCaseEvents.everyKind(CASE).subList(2,
            SampleCaseEvents.everyKind(CASE).size());
    private static final ObjectMapper JSON = ((JacksonJsonpMapper) new SearchConfiguration().jsonpMapper())
            .objectMapper();

    /** One step of a history: the event, how many milliseconds after the one before, whether a snapshot follows. */
    record Step(Object payload, int millisAfter, boolean snapshotAfter) {
    }

    /** Where the index's batches end, and whether each is delivered twice. */
    record Batches(List<Integer> sizes, List<Boolean> redelivered) {
    }

    @Property(tries = 200)
    void theStateAfterEventNIsWhatTheIndexHeldAfterFoldingTheFirstN(@ForAll("histories") List<Step> later,
                                                                  @ForAll("batches") Batches batches) {
        List<Object> events = new ArrayList<>(SampleCaseEvents.everyKind(CASE).subList(0, 2));
        later.forEach(step -> events.add(step.payload()));
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        try {
            Instant at = T0;
            for (int sequence = 0; sequence < events.size(); sequence++) {
                Step step = sequence < 2 ? null : later.get(sequence - 2);
                at = step == null ? at : at.plusMillis(step.millisAfter());
                store.publish(new GenericDomainEventMessage<>("CaseFile", CASE, sequence, events.get(sequence),
                        java.util.Map.of(), UUID.randomUUID().toString(), at));
                if (step != null && step.snapshotAfter()) {
                    store.storeSnapshot(new GenericDomainEventMessage<>("CaseFile", CASE, sequence, "state"));
                }
            }
            CaseHistoryQueries queries = new CaseHistoryQueries(store);

            for (int n = 0; n < events.size(); n++) {
                CaseView asOf = queries.handle(new FindCaseAsOfQuery(CASE, HistoryPoint.afterEvent(n), ADMIN))
                        .orElseThrow().state();
                assertThat(asOf).as("after event %d of %s", n, events.size())
                        .isEqualTo(indexed(events.subList(0, n + 1), batches));
            }
        } finally {
            store.shutDown();
        }
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of(LATER), Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, Arbitraries.just(0)), net.jqwik.api.Tuple.of(1,
                                Arbitraries.integers().between(1, 5))),
                Arbitraries.integers().between(0, 9).map(i -> i == 0))
                .as(Step::new);
        return step.list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<Batches> batches() {
        return Combinators.combine(Arbitraries.integers().between(1, 7).list().ofMinSize(1).ofMaxSize(45),
                Arbitraries.of(true, false).list().ofSize(45)).as(Batches::new);
    }

    /**
     * The document the index holds once these events went through it: folded a batch at a time, read back from its
     * JSON before each batch, some batches delivered twice.
     */
    private static CaseView indexed(List<Object> events, Batches batches) {
        CaseDocument doc = new CaseDocument();
        int from = 0;
        for (int batch = 0; from < events.size(); batch++) {
            int size = batches.sizes().get(batch % batches.sizes().size());
            int to = Math.min(events.size(), from + size);
            for (int delivery = 0; delivery < (batches.redelivered().get(batch % 45) ? 2 : 1); delivery++) {
                doc = throughJson(doc);
                for (int sequence = from; sequence < to; sequence++) {
                    CaseFold.apply(doc, CASE, events.get(sequence), sequence);
                }
            }
            from = to;
        }
        return throughJson(doc).toView(null);
    }

    private static CaseDocument throughJson(CaseDocument doc) {
        try {
            return JSON.readValue(JSON.writeValueAsString(doc), CaseDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
