package city.gridwhistle.query.search;

import city.gridwhistle.query.AliasedIndex;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * The {@code cases} alias and the versioned index behind it. Readers and writers use the alias only, so a
 * rebuild can fill a new index and swap the alias without downtime.
 */
@Component
public class CaseIndex extends AliasedIndex {

    public static final String ALIAS = "cases";
    static final String FIRST_INDEX = "cases-v1";
    static final String DEFINITION = "elasticsearch/cases-index.json";

    public CaseIndex(ElasticsearchClient client) {
        super(client, ALIAS, FIRST_INDEX, DEFINITION);
    }

    /** The index the alias points to now. */
    String currentIndex() {
        ensureReady();
        try {
            return client.indices().getAlias(a -> a.name(ALIAS)).aliases().keySet().iterator().next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next versioned name after the current index: cases-v1 → cases-v2. */
    String nextIndex() {
        String current = currentIndex();
        int version = Integer.parseInt(current.substring(current.lastIndexOf("-v") + 2));
        return ALIAS + "-v" + (version + 1);
    }

    /** A new, empty index with the definition, not yet behind the alias; fast to fill (no refresh, no replicas). */
    void createUnaliased(String index) {
        try (InputStream json = definition()) {
            client.indices().create(c -> c.index(index).withJson(json));
            client.indices().putSettings(p -> p.index(index).settings(st -> st.refreshInterval(t -> t.time("-1"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the alias at the new index in one atomic step and restores its refresh; the old index is dropped. */
    void swap(String from, String to) {
        try {
            String refresh = refreshInterval();
            client.indices().putSettings(p -> p.index(to).settings(st -> st.refreshInterval(t -> t.time(refresh))));
            client.indices().updateAliases(u -> u
                    .actions(a -> a.remove(r -> r.index(from).alias(ALIAS)))
                    .actions(a -> a.add(ad -> ad.index(to).alias(ALIAS).isWriteIndex(true))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String index) {
        try {
            client.indices().delete(d -> d.index(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
