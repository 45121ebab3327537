package city.gridwhistle;

import city.gridwhistle.query.search.CaseIndex;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * What the case index holds, for tests that wait for it. Reading a case by id no longer tells: a case the index has
 * not caught up with is answered from its events (decision 0052), so a test that goes on to search, count or fetch a
 * photo must wait for the index itself. A bean of the tests' contexts, kept where {@link Api} can reach it.
 */
@Component
public class IndexedCases {

    /**
     * The clients of the contexts still open, newest last: a context with properties of its own starts beside the
     * shared one and is closed before it (its client with it); all of them reach the one search node of the JVM.
     */
    private static final java.util.List<ElasticsearchClient> CLIENTS = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final ElasticsearchClient client;

    IndexedCases(ElasticsearchClient elasticsearch) {
        client = elasticsearch;
        CLIENTS.add(elasticsearch);
    }

    @jakarta.annotation.PreDestroy
    void contextClosed() {
        CLIENTS.remove(client);
    }

    /** Whether the index can be searched for the case at this version (its sequence number) or a later one. */
    public static boolean holds(String caseId, long version) {
        if (CLIENTS.isEmpty()) {
            return true;
        }
        ElasticsearchClient elasticsearch = CLIENTS.getLast();
        try {
            // a search, not a get: a get sees a document before the index is refreshed, a search only after
            var found = elasticsearch.search(s -> s.index(CaseIndex.ALIAS).query(q -> q.ids(i -> i.values(caseId)))
                    .version(true).source(src -> src.fetch(false)), Void.class).hits().hits();
            return !found.isEmpty() && found.getFirst().version() != null && found.getFirst().version() >= version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
