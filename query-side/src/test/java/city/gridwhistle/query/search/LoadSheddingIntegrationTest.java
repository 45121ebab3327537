package city.gridwhistle.query.search;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.gridwhistle.infra.elasticsearch.EmbeddedElasticsearch;
import city.gridwhistle.query.TestSearchNode;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * While Elasticsearch refuses requests with 429 (here: the disk flood-stage block on the index, which refuses
 * writes, and the parent circuit breaker lowered to one byte, which refuses every read carrying a body),
 * the case documents' writes and reads wait and go through once it accepts them again, instead of failing the
 * projection's batch or the rebuild.
 *
 * <p>The breaker's limit is a setting of the whole node, so the test has a node of its own: on a node shared with a
 * running application, a limit left behind would refuse every request of every test after it.
 */
class LoadSheddingIntegrationTest {

    private static final String SCRATCH = "load-shedding-test";
    private static final String PARENT_LIMIT = "indices.breaker.total.limit";

    private static EmbeddedElasticsearch node;
    private static ElasticsearchClient elasticsearch;
    private static CaseDocumentStore store;

    @BeforeAll
    static void ownNode() {
        node = TestSearchNode.startPrivate("es-load-shedding-it");
        elasticsearch = TestSearchNode.clientOf(node);
        store = new CaseDocumentStore(elasticsearch);
    }

    @AfterAll
    static void stopNode() throws IOException {
        if (elasticsearch != null) {
            elasticsearch._transport().close();
        }
        if (node != null) {
            node.close();
        }
    }

    @BeforeEach
    void scratchIndex() throws IOException {
        elasticsearch.indices().create(c -> c.index(SCRATCH));
    }

    @AfterEach
    void acceptAgain() throws IOException {
        parentLimit(null);
        floodStageBlock(false);
        elasticsearch.indices().delete(d -> d.index(SCRATCH));
    }

    @Test
    void writesWaitWhileTheIndexIsBlockedForDiskAndThenGoThrough() throws Exception {
        floodStageBlock(true);
        CompletableFuture<Void> saving = CompletableFuture.runAsync(
                () -> store.saveAll(SCRATCH, List.of(document("LS-1", 3), document("LS-2", 5))));
        Thread.sleep(1_500);
        assertThat(saving).as("waiting, not failed").isNotDone();
        floodStageBlock(false);
        saving.get(30, SECONDS);

        elasticsearch.indices().refresh(r -> r.index(SCRATCH));
        assertThat(elasticsearch.count(c -> c.index(SCRATCH)).count()).isEqualTo(2);
    }

    @Test
    void readsWaitWhileTheCircuitBreakerRefusesThemAndThenGoThrough() throws Exception {
        store.saveAll(SCRATCH, List.of(document("LS-1", 3), document("LS-2", 5)));
        parentLimit("1b");
        assertThatThrownBy(() -> elasticsearch.mget(m -> m.index(SCRATCH).ids("LS-1"), CaseDocument.class))
                .as("the node sheds load")
                .hasMessageContaining("429 Too Many Requests").hasMessageContaining("circuit_breaking_exception");

        CompletableFuture<Map<String, CaseDocument>> reading = CompletableFuture.supplyAsync(
                () -> store.findAll(SCRATCH, List.of("LS-1", "LS-2", "LS-3")));
        Thread.sleep(1_500);
        assertThat(reading).as("waiting, not failed").isNotDone();
        parentLimit(null);
        Map<String, CaseDocument> found = reading.get(30, SECONDS);

        assertThat(found).containsOnlyKeys("LS-1", "LS-2");
        assertThat(found.get("LS-1").version).isEqualTo(3);
        assertThat(found.get("LS-2").version).isEqualTo(5);
    }

    private static CaseDocument document(String caseId, long version) {
        CaseDocument doc = new CaseDocument();
        doc.caseId = caseId;
        doc.version = version;
        return doc;
    }

    /**
     * The block Elasticsearch puts on an index when the disk passes its flood stage: writes are answered with 429
     * until it is lifted.
     */
    private static void floodStageBlock(boolean on) throws IOException {
        elasticsearch.indices().putSettings(s -> s.index(SCRATCH)
                .settings(i -> i.blocks(b -> b.readOnlyAllowDelete(on))));
    }

    /** Sets the node's parent circuit breaker limit; null puts back the default. */
    private static void parentLimit(String limit) throws IOException {
        elasticsearch.cluster().putSettings(s -> s.persistent(PARENT_LIMIT,
                limit == null ? JsonData.fromJson("null") : JsonData.of(limit)));
    }
}
