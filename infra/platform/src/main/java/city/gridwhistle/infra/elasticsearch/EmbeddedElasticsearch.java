package city.gridwhistle.infra.elasticsearch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch node in a child JVM, with its data in {@code <home>/data} (kept across restarts) and its
 * log in {@code <home>/logs/es.log}. {@link #start(Path)} returns at once; {@link #awaitReady(Duration)} waits
 * for the node to answer HTTP. The child stops when {@link #close()} closes its stdin and also when this JVM
 * dies in any way, because its stdin then ends and it watches this process's pid.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    /** The child's stderr (its warnings and errors) is logged here at WARN. */
    public static final String NODE_LOGGER = "city.gridwhistle.infra.elasticsearch.node";
    static final String READY_PREFIX = "GRIDWHISTLE-ES-READY ";
    static final String MAIN_CLASS = "city.gridwhistle.esnode.EsNodeMain";
    static final List<String> JVM_OPTIONS = List.of(
            "-Xms128m", "-Xmx512m",
            "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError",
            "--enable-native-access=ALL-UNNAMED",
            "-Dlog4j2.disable.jmx=true",
            "-Dlog4j.shutdownHookEnabled=false",
            "-Dio.netty.noUnsafe=true",
            "-Djava.locale.providers=CLDR",
            "-Dfile.encoding=UTF-8");

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(15);
    private static final int STDERR_TAIL_LINES = 40;
    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    private static final Logger nodeLog = LoggerFactory.getLogger(NODE_LOGGER);

    private final Path home;
    private final int httpPort;
    private final Process process;
    private final long startedNanos = System.nanoTime();
    private final CompletableFuture<Integer> ready = new CompletableFuture<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final Thread stderrPump;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private EmbeddedElasticsearch(Path home, int httpPort, Process process) {
        this.home = home;
        this.httpPort = httpPort;
        this.process = process;
        this.stderrPump = daemon("es-node-stderr-" + process.pid(), this::pumpStderr);
        daemon("es-node-stdout-" + process.pid(), this::pumpStdout);
        this.shutdownHook = new Thread(this::close, "es-node-stop-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        process.onExit().thenAccept(this::reportUnexpectedExit);
    }

    /** A node that ends without being closed (out of memory, killed) is said so, or search just stops answering. */
    private void reportUnexpectedExit(Process exited) {
        if (!closed && ready.isDone() && !ready.isCompletedExceptionally()) {
            log.error("Elasticsearch (pid {}) on {} exited with status {} without being stopped; see {}",
                    exited.pid(), httpUri(), exited.exitValue(), home.resolve("logs").resolve("es.log"));
        }
    }

    /**
     * Launches the node on {@code home} and returns without waiting for it.
     *
     * @param home the node's home: {@code data/} and {@code logs/} go under it; the jars are extracted, when
     *             they must be, next to it
     */
    public static EmbeddedElasticsearch start(Path home) {
        return start(home, 0);
    }

    /**
     * Launches the node on {@code home} with the given HTTP port (0: any free one), so a node can be stopped and
     * started again where its clients expect it.
     */
    public static EmbeddedElasticsearch start(Path home, int httpPort) {
        Path absoluteHome = home.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absoluteHome);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Elasticsearch home " + absoluteHome, e);
        }
        Path cacheRoot = absoluteHome.getParent() != null ? absoluteHome.getParent()
                : Path.of(System.getProperty("java.io.tmpdir"));
        Path lib = NodeDistribution.libDirectory(cacheRoot);
        int[] ports = freePorts(2);
        if (httpPort > 0) {
            ports[0] = httpPort;
        }

        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(lib.resolve("*").toString());
        command.add(MAIN_CLASS);
        command.addAll(List.of(
                "--home", absoluteHome.toString(),
                "--http-port", Integer.toString(ports[0]),
                "--transport-port", Integer.toString(ports[1]),
                "--parent-pid", Long.toString(ProcessHandle.current().pid())));

        ProcessBuilder builder = new ProcessBuilder(command).directory(absoluteHome.toFile());
        Map<String, String> environment = builder.environment();
        // options meant for this JVM (agents, heap sizes) must not leak into the node's
        environment.remove("JAVA_TOOL_OPTIONS");
        environment.remove("JDK_JAVA_OPTIONS");
        environment.remove("_JAVA_OPTIONS");
        try {
            Process process = builder.start();
            log.info("Starting Elasticsearch (pid {}) on http://127.0.0.1:{} with home {}", process.pid(), ports[0],
                    absoluteHome);
            return new EmbeddedElasticsearch(absoluteHome, ports[0], process);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch the Elasticsearch node: " + String.join(" ", command), e);
        }
    }

    /** Where the node answers HTTP, e.g. {@code http://127.0.0.1:41234}; known before the node is ready. */
    public URI httpUri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    public int httpPort() {
        return httpPort;
    }

    public Path home() {
        return home;
    }

    /** The child JVM's process id. */
    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /**
     * Waits until the node answers HTTP.
     *
     * @return {@code true} once it does, {@code false} if it is still starting when the timeout passes
     * @throws IllegalStateException if the node stopped before it was ready; the message carries the end of its
     *                               error output
     */
    public boolean awaitReady(Duration timeout) {
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the node: closes its stdin, waits up to 15 s for it to close its indices, then kills it. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        removeShutdownHook();
        if (!process.isAlive()) {
            return;
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            log.debug("Closing the Elasticsearch node's stdin failed", e);
        }
        try {
            if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Elasticsearch (pid {}) did not stop within {} s: killing it", process.pid(),
                        GRACEFUL_STOP.toSeconds());
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        log.info("Elasticsearch (pid {}) stopped", process.pid());
    }

    private void removeShutdownHook() {
        if (Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to: nothing to undo
        }
    }

    private void pumpStdout() {
        try (BufferedReader reader = reader(process.getInputStream())) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith(READY_PREFIX) && !ready.isDone()) {
                    int port = Integer.parseInt(line.substring(READY_PREFIX.length()).trim());
                    log.info("Elasticsearch (pid {}) ready on http://127.0.0.1:{} after {} ms", process.pid(), port,
                            (System.nanoTime() - startedNanos) / 1_000_000);
                    ready.complete(port);
                } else {
                    nodeLog.info(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Reading the Elasticsearch node's stdout stopped", e);
        }
        if (!ready.isDone()) {
            ready.completeExceptionally(new IllegalStateException(failureMessage()));
        }
    }

    private void pumpStderr() {
        try (BufferedReader reader = reader(process.getErrorStream())) {
            String line;
            while ((line = reader.readLine()) != null) {
                nodeLog.warn(line);
                synchronized (stderrTail) {
                    if (stderrTail.size() == STDERR_TAIL_LINES) {
                        stderrTail.removeFirst();
                    }
                    stderrTail.addLast(line);
                }
            }
        } catch (IOException e) {
            log.debug("Reading the Elasticsearch node's stderr stopped", e);
        }
    }

    private String failureMessage() {
        try {
            stderrPump.join(2_000);
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String tail;
        synchronized (stderrTail) {
            tail = String.join(System.lineSeparator(), stderrTail);
        }
        String exit = process.isAlive() ? "closed its output" : "exited with status " + process.exitValue();
        StringBuilder message = new StringBuilder("Elasticsearch (pid " + process.pid() + ") " + exit
                + " before it was ready.");
        if (tail.contains("failed to obtain node locks")) {
            message.append(" Another Elasticsearch node is already using the data directory ")
                    .append(home.resolve("data"))
                    .append(": stop it (is another GridWhistle running with the same data directory?) or use another.");
        } else if (tail.contains("BindHttpException") || tail.contains("BindTransportException")) {
            message.append(" Its port was taken by another process between choosing it and binding it: start again.");
        }
        message.append(" See ").append(home.resolve("logs").resolve("es.log")).append(". Last error output:")
                .append(System.lineSeparator()).append(tail.isEmpty() ? "(none)" : tail);
        return message.toString();
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Ports free now; another process could take one before the node binds it, which the failure message names. */
    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find free ports for Elasticsearch", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a socket we just opened cannot matter
                }
            }
        }
    }
}
