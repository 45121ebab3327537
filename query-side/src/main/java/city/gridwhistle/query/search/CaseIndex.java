package city.gridwhistle.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The {@code cases} alias and the versioned index behind it. Readers and writers use the alias only, so a
 * rebuild can fill a new index and swap the alias without downtime.
 */
@Component
public class CaseIndex {

    public static final String ALIAS = "cases";
    static final String FIRST_INDEX = "cases-v1";
    static final String DEFINITION = "elasticsearch/cases-index.json";

    private static final Logger log = LoggerFactory.getLogger(CaseIndex.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ElasticsearchClient client;
    private volatile boolean ready;

    public CaseIndex(ElasticsearchClient client) {
        this.client = client;
    }

    /** Waits for Elasticsearch (an embedded node may still be starting) and creates the index on first use. */
    public void ensureReady() {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            awaitCluster();
            try {
                if (!client.indices().existsAlias(a -> a.name(ALIAS)).value()) {
                    create(FIRST_INDEX);
                    log.info("Created index {} behind alias {}", FIRST_INDEX, ALIAS);
                } else {
                    addNewFields();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ready = true;
        }
    }

    private void create(String index) throws IOException {
        try (InputStream definition = new ClassPathResource(DEFINITION).getInputStream()) {
            client.indices().create(c -> c.index(index).withJson(definition).aliases(ALIAS, a -> a.isWriteIndex(true)));
        }
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
        try (InputStream definition = new ClassPathResource(DEFINITION).getInputStream()) {
            client.indices().create(c -> c.index(index).withJson(definition));
            client.indices().putSettings(p -> p.index(index).settings(st -> st.refreshInterval(t -> t.time("-1"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the alias at the new index in one atomic step and restores its refresh; the old index is dropped. */
    void swap(String from, String to) {
        try {
            client.indices().putSettings(p -> p.index(to).settings(st -> st.refreshInterval(t -> t.time("1s"))));
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

    /**
     * New fields in the definition are added to the live index (Elasticsearch allows adding fields, never
     * changing them), so a newer application starts on an older installation's index.
     */
    private void addNewFields() throws IOException {
        try (InputStream definition = new ClassPathResource(DEFINITION).getInputStream()) {
            String mappings = JSON.readTree(definition).path("mappings").toString();
            client.indices().putMapping(p -> p.index(ALIAS).withJson(new StringReader(mappings)));
        }
    }

    private void awaitCluster() {
        Instant deadline = Instant.now().plus(STARTUP_WAIT);
        while (true) {
            try {
                client.cluster().health(h -> h.waitForStatus(co.elastic.clients.elasticsearch._types.HealthStatus.Yellow)
                        .timeout(t -> t.time("10s")));
                return;
            } catch (IOException | RuntimeException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Elasticsearch not reachable within " + STARTUP_WAIT, e);
                }
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
        }
    }
}
