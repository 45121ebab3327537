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

    private static volatile ElasticsearchClient client;

    IndexedCases(ElasticsearchClient elasticsearch) {
        client = elasticsearch;
    }

    /** Whether the index can be searched for the case at this version (its sequence number) or a later one. */
    public static boolean holds(String caseId, long version) {
        ElasticsearchClient elasticsearch = client;
        if (elasticsearch == null) {
            return true;
        }
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
