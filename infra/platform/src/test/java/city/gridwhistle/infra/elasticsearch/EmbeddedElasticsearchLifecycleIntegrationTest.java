package city.gridwhistle.infra.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import co.elastic.clients.elasticsearch._types.Refresh;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Starting, stopping and dying: the node keeps its data, refuses a shared data directory, never outlives us, and a
 * death nobody asked for is reported.
 */
class EmbeddedElasticsearchLifecycleIntegrationTest {

    @Test
    void documentsSurviveARestartOnTheSameHome() throws IOException {
        Path home = TestNodes.freshHome("restart");
        try (EmbeddedElasticsearch first = TestNodes.startReady(home)) {
            TestNodes.client(first.httpUri()).index(request -> request.index("restart-check").id("kept")
                    .document(Map.of("description", "窨井盖缺失")).refresh(Refresh.True));
        }

        try (EmbeddedElasticsearch second = TestNodes.startReady(home)) {
            var document = TestNodes.client(second.httpUri()).get(request -> request.index("restart-check").id("kept"),
                    Map.class);

            assertThat(document.found()).isTrue();
            assertThat(document.source()).containsEntry("description", "窨井盖缺失");
        }
    }

    @Test
    void secondNodeOnTheSameDataDirectoryFailsWithAReadableMessage() {
        EmbeddedElasticsearch running = TestNodes.shared();

        try (EmbeddedElasticsearch intruder = EmbeddedElasticsearch.start(running.home())) {
            assertThatThrownBy(() -> intruder.awaitReady(TestNodes.START_TIMEOUT))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another Elasticsearch node is already using the data directory "
                            + running.home().resolve("data"));
        }
        assertThat(running.isRunning()).isTrue();
    }

    @Test
    void nodeDiesWithItsParent() throws Exception {
        Path home = TestNodes.freshHome("orphan");
        Process parent = new ProcessBuilder(
                ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"),
                ParentThatDies.class.getName(), home.toString())
                .redirectErrorStream(true)
                .start();
        try {
            long nodePid = childPidPrintedBy(parent).get(TestNodes.START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(ProcessHandle.of(nodePid)).hasValueSatisfying(node -> assertThat(node.isAlive()).isTrue());

            parent.destroyForcibly().waitFor();

            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> ProcessHandle.of(nodePid).map(ProcessHandle::isAlive).orElse(false) == false);
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void aNodeThatEndsWithoutBeingStoppedIsReported() {
        Logger logger = (Logger) LoggerFactory.getLogger(EmbeddedElasticsearch.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try (EmbeddedElasticsearch node = TestNodes.startReady(TestNodes.freshHome("killed"))) {
            ProcessHandle.of(node.pid()).orElseThrow().destroyForcibly();

            await().atMost(Duration.ofSeconds(15)).until(() -> errors(events).anyMatch(message ->
                    message.contains("(pid " + node.pid() + ")") && message.contains("without being stopped")));
        } finally {
            logger.detachAppender(events);
        }
    }

    private static Stream<String> errors(ListAppender<ILoggingEvent> events) {
        synchronized (events.list) {
            return events.list.stream().filter(event -> event.getLevel() == Level.ERROR)
                    .map(ILoggingEvent::getFormattedMessage).toList().stream();
        }
    }

    /** Reads the helper's output on a daemon thread, so a helper that never prints cannot hang the test. */
    private static CompletableFuture<Long> childPidPrintedBy(Process parent) {
        CompletableFuture<Long> pid = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith(ParentThatDies.PID_PREFIX)) {
                        pid.complete(Long.parseLong(line.substring(ParentThatDies.PID_PREFIX.length()).trim()));
                    }
                }
            } catch (IOException | RuntimeException e) {
                pid.completeExceptionally(e);
            }
            pid.completeExceptionally(new IllegalStateException("helper exited with " + parent.exitValue()
                    + " before printing the node's pid"));
        }, "parent-that-dies-output");
        reader.setDaemon(true);
        reader.start();
        return pid;
    }
}
