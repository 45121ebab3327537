package city.gridwhistle.infra.elasticsearch;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A stand-in application for {@link EmbeddedElasticsearchLifecycleIntegrationTest}: starts a node, prints the
 * node's pid, and waits to be killed.
 */
public final class ParentThatDies {

    static final String PID_PREFIX = "ES-CHILD-PID ";

    private ParentThatDies() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedElasticsearch node = EmbeddedElasticsearch.start(Path.of(args[0]));
        if (!node.awaitReady(Duration.ofSeconds(90))) {
            System.exit(1);
        }
        System.out.println(PID_PREFIX + node.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
