package city.gridwhistle.query;

import city.gridwhistle.infra.elasticsearch.EmbeddedElasticsearch;
import city.gridwhistle.query.search.CaseDocument;
import city.gridwhistle.query.search.CaseDocumentStore;
import city.gridwhistle.query.search.CaseIndex;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * The one Elasticsearch node of this test JVM, on a home wiped before it starts, so the {@code cases} alias is
 * created fresh by {@link CaseIndex}. Test classes run one after another and each replaces the whole index
 * content with its own cases; the node stops with the JVM.
 */
public final class TestSearchNode {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Path HOME = Path.of("target", "es-query-it").toAbsolutePath();

    private static EmbeddedElasticsearch node;
    private static ElasticsearchClient client;
    private static CaseIndex index;

    private TestSearchNode() {
    }

    /** A client configured as the application's (SearchConfiguration): ISO-8601 dates, unknown fields ignored. */
    public static synchronized ElasticsearchClient client() {
        if (client == null) {
            node = startOn(HOME);
            client = clientOf(node);
        }
        return client;
    }

    /**
     * A node of the caller's own, on a fresh home under {@code target/}, for a test that changes what the whole
     * node does (its cluster settings): whatever it leaves behind cannot reach another test. The caller closes it.
     */
    public static EmbeddedElasticsearch startPrivate(String name) {
        return startOn(Path.of("target", name).toAbsolutePath());
    }

    /** A client of this node, configured as the application's (see {@link #client()}). */
    public static ElasticsearchClient clientOf(EmbeddedElasticsearch node) {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        RestClient rest = RestClient.builder(HttpHost.create(node.httpUri().toString())).build();
        return new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(mapper)));
    }

    private static EmbeddedElasticsearch startOn(Path home) {
        deleteRecursively(home);
        EmbeddedElasticsearch started = EmbeddedElasticsearch.start(home);
        if (!started.awaitReady(START_TIMEOUT)) {
            started.close();
            throw new IllegalStateException("Elasticsearch not ready within " + START_TIMEOUT);
        }
        return started;
    }

    /** The index as the application creates it, from the checked-in definition; see {@link #replaceAllCases}. */
    public static synchronized CaseIndex index() {
        if (index == null) {
            index = new CaseIndex(client());
            index.ensureReady();
        }
        return index;
    }

    /**
     * Makes these documents the whole content of the index, searchable at once (a refresh, not a wait): the
     * indices behind the alias are dropped and {@link CaseIndex} creates them afresh, as on a first start.
     */
    public static synchronized void replaceAllCases(Collection<CaseDocument> documents) {
        try {
            if (index != null) {
                for (String concrete : client().indices().getAlias(a -> a.name(CaseIndex.ALIAS)).aliases().keySet()) {
                    client().indices().delete(d -> d.index(concrete));
                }
                index = null;
            }
            index();
            new CaseDocumentStore(client()).saveAll(documents);
            client().indices().refresh(r -> r.index(CaseIndex.ALIAS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear " + root, e);
        }
    }
}
