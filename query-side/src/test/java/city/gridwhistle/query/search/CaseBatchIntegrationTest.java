package city.gridwhistle.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.rider.PersonalDataErasedEvent;
import city.gridwhistle.query.TestSearchNode;
import city.gridwhistle.query.history.SampleCaseEvents;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A batch reads only the documents that can exist: a case whose events begin with its first is folded from an
 * empty document. A redelivered batch still leaves the index, and the documents the batch hands on, at the newest
 * state. On a scratch index of the real definition, through the real store; the store only notes what it is asked
 * to read.
 */
class CaseBatchIntegrationTest {

    private static final String SCRATCH = "cases-batch-it";
    private static final String CASE = SampleCaseEvents.CASE;

    private final ElasticsearchClient client = TestSearchNode.client();
    private final List<Object> events = SampleCaseEvents.everyKind();
    private final List<Collection<String>> reads = new ArrayList<>();
    private final CaseDocumentStore store = new CaseDocumentStore(client) {
        @Override
        Map<String, CaseDocument> findAll(String index, Collection<String> caseIds) {
            reads.add(List.copyOf(caseIds));
            return super.findAll(index, caseIds);
        }
    };
    private CaseIndex index;

    @BeforeEach
    void scratchIndex() {
        index = TestSearchNode.index();
        index.createUnaliased(SCRATCH);
    }

    @AfterEach
    void dropScratchIndex() {
        index.delete(SCRATCH);
    }

    @Test
    void aCaseFromItsFirstEventIsNotReadAndALaterBatchReadsIt() {
        CaseBatch batch = new CaseBatch(store, SCRATCH, riders -> Set.of());
        add(batch, "other", 3, 5);
        add(batch, CASE, 0, 2);
        batch.flush();
        assertThat(reads).containsExactly(List.of("other"));
        assertThat(stored(CASE).version).isEqualTo(1);
        assertThat(stored(CASE).status).isEqualTo(CaseStatus.REGISTERED);

        reads.clear();
        add(batch, CASE, 2, 5);
        batch.flush();
        assertThat(reads).containsExactly(List.of(CASE));
        assertThat(stored(CASE).version).isEqualTo(4);
        assertThat(stored(CASE).status).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(stored(CASE).reportCount).as("the first batch's attached report kept").isEqualTo(2);
    }

    @Test
    void aRedeliveredBatchFromTheFirstEventLeavesTheNewerStateAndHandsItOn() {
        CaseBatch batch = new CaseBatch(store, SCRATCH, riders -> Set.of());
        add(batch, CASE, 0, 10);
        batch.flush();
        CaseDocument newest = stored(CASE);
        assertThat(newest.version).isEqualTo(9);

        reads.clear();
        add(batch, CASE, 0, 3);
        batch.flush();
        assertThat(reads).as("nothing read before the write; the index's state read after it refused the write")
                .containsExactly(List.of(), List.of(CASE));
        assertThat(stored(CASE).version).isEqualTo(9);
        assertThat(stored(CASE).status).isEqualTo(newest.status);
        assertThat(batch.documents()).singleElement().satisfies(doc -> {
            assertThat(doc.version).isEqualTo(9);
            assertThat(doc.status).isEqualTo(newest.status);
        });
    }

    @Test
    void aRiderErasedBeforeTheEventsNamingThemAreFoldedIsWrittenIntoNoDocument() {
        CaseBatch batch = new CaseBatch(store, SCRATCH, riders -> riders.contains("R042") ? Set.of("R042") : Set.of());
        add(batch, CASE, 0, events.size());
        batch.flush();

        CaseDocument doc = stored(CASE);
        assertThat(doc.reporterIds).containsExactly("R041");
        assertThat(doc.followerIds).doesNotContain("R042").contains("R041", "R043");
        assertThat(doc.followerCount).isEqualTo(doc.followerIds.size());
    }

    @Test
    void aRidersErasureTakesThemOutOfADocumentNoEventOfTheBatchTouchesAndKeepsItsVersion() {
        CaseBatch batch = new CaseBatch(store, SCRATCH, riders -> Set.of());
        add(batch, CASE, 0, events.size() - 1);
        batch.flush();
        long version = stored(CASE).version;
        assertThat(stored(CASE).followerIds).contains("R043");

        batch.take(new PersonalDataErasedEvent("R043", "PIPL 删除请求", "A001", Instant.EPOCH), 3);
        batch.flush();
        assertThat(stored(CASE).followerIds).doesNotContain("R043");
        assertThat(stored(CASE).version).as("no event of the case was folded").isEqualTo(version);

        add(batch, CASE, events.size() - 1, events.size());
        batch.flush();
        assertThat(stored(CASE).status).as("the case's next event still folds").isEqualTo(CaseStatus.VOIDED);
        assertThat(stored(CASE).followerIds).doesNotContain("R043");
    }

    /** Events {@code from} (inclusive) to {@code to} (exclusive) of the sample case's stream, under {@code caseId}. */
    private void add(CaseBatch batch, String caseId, int from, int to) {
        for (int sequence = from; sequence < to; sequence++) {
            batch.add(caseId, events.get(sequence), sequence);
        }
    }

    private CaseDocument stored(String caseId) {
        return store.find(SCRATCH, caseId).orElseThrow();
    }
}
