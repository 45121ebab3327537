package city.gridwhistle.query.station;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
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
import org.springframework.stereotype.Component;

/**
 * The {@code stations} alias and the versioned index behind it ({@code stations-v1}), created from
 * {@code elasticsearch/stations-index.json} on first use; later starts add new fields of the definition.
 */
@Component
public class StationIndex {

    public static final String ALIAS = "stations";
    static final String FIRST_INDEX = "stations-v1";
    static final String DEFINITION = "elasticsearch/stations-index.json";

    private static final Logger log = LoggerFactory.getLogger(StationIndex.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ElasticsearchClient client;
    private volatile boolean ready;

    public StationIndex(ElasticsearchClient client) {
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
                    try (InputStream definition = new ClassPathResource(DEFINITION).getInputStream()) {
                        client.indices().create(c -> c.index(FIRST_INDEX).withJson(definition)
                                .aliases(ALIAS, a -> a.isWriteIndex(true)));
                    }
                    log.info("Created index {} behind alias {}", FIRST_INDEX, ALIAS);
                } else {
                    try (InputStream definition = new ClassPathResource(DEFINITION).getInputStream()) {
                        String mappings = JSON.readTree(definition).path("mappings").toString();
                        client.indices().putMapping(p -> p.index(ALIAS).withJson(new StringReader(mappings)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ready = true;
        }
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
