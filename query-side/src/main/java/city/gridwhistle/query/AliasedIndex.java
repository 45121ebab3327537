package city.gridwhistle.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;

/**
 * A read model's alias and the versioned index behind it, defined by a JSON file on the classpath. Readers and
 * writers use the alias only, so a rebuild can fill a new index and swap the alias without downtime. On first use
 * it waits for Elasticsearch (an embedded node may still be starting) and creates the first index; later starts
 * add the definition's new fields to the live index (Elasticsearch adds fields, never changes them).
 */
public abstract class AliasedIndex {

    private static final Logger log = LoggerFactory.getLogger(AliasedIndex.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    protected final ElasticsearchClient client;
    private final String alias;
    private final String firstIndex;
    private final String definition;
    private volatile boolean ready;

    protected AliasedIndex(ElasticsearchClient client, String alias, String firstIndex, String definition) {
        this.client = client;
        this.alias = alias;
        this.firstIndex = firstIndex;
        this.definition = definition;
    }

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
                if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
                    try (InputStream json = definition()) {
                        client.indices().create(c -> c.index(firstIndex).withJson(json)
                                .aliases(alias, a -> a.isWriteIndex(true)));
                    }
                    log.info("Created index {} behind alias {}", firstIndex, alias);
                } else {
                    JsonNode parsed = parsedDefinition();
                    String mappings = parsed.path("mappings").toString();
                    client.indices().putMapping(p -> p.index(alias).withJson(new StringReader(mappings)));
                    // the refresh interval is the one setting a definition changes on a live index
                    String refresh = refreshInterval(parsed);
                    client.indices().putSettings(p -> p.index(alias).settings(st -> st.refreshInterval(t -> t.time(refresh))));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ready = true;
        }
    }

    /** How often the index is refreshed once it serves searches, as its definition says. */
    protected String refreshInterval() {
        return refreshInterval(parsedDefinition());
    }

    private static String refreshInterval(JsonNode definition) {
        return definition.path("settings").path("refresh_interval").asText("1s");
    }

    private JsonNode parsedDefinition() {
        try (InputStream json = definition()) {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected InputStream definition() throws IOException {
        return new ClassPathResource(definition).getInputStream();
    }

    private void awaitCluster() {
        Instant deadline = Instant.now().plus(STARTUP_WAIT);
        while (true) {
            try {
                client.cluster().health(h -> h.waitForStatus(HealthStatus.Yellow).timeout(t -> t.time("10s")));
                return;
            } catch (IOException | RuntimeException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Elasticsearch not reachable within " + STARTUP_WAIT, e);
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Elasticsearch", interrupted);
                }
            }
        }
    }
}
