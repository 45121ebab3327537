package city.gridwhistle.infra.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * The node the tests share: started once per test JVM on a fresh home, stopped by its own shutdown hook. Tests
 * that need their own node (restarts, a dying parent) start one on a home from {@link #freshHome(String)}.
 */
final class TestNodes {

    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Path ROOT = Path.of("target", "es-it").toAbsolutePath();

    private static EmbeddedElasticsearch shared;
    private static ElasticsearchClient sharedClient;

    private TestNodes() {
    }

    static synchronized EmbeddedElasticsearch shared() {
        if (shared == null) {
            shared = startReady(freshHome("shared"));
        }
        return shared;
    }

    static synchronized ElasticsearchClient sharedClient() {
        if (sharedClient == null) {
            sharedClient = client(shared().httpUri());
        }
        return sharedClient;
    }

    static EmbeddedElasticsearch startReady(Path home) {
        EmbeddedElasticsearch node = EmbeddedElasticsearch.start(home);
        if (!node.awaitReady(START_TIMEOUT)) {
            node.close();
            throw new IllegalStateException("Elasticsearch not ready within " + START_TIMEOUT);
        }
        return node;
    }

    /** A client that lives as long as the JVM: closing it is not worth the bookkeeping in tests. */
    static ElasticsearchClient client(URI uri) {
        RestClient restClient = RestClient.builder(HttpHost.create(uri.toString())).build();
        return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
    }

    static Path freshHome(String name) {
        Path home = ROOT.resolve(name);
        deleteRecursively(home);
        return home;
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
