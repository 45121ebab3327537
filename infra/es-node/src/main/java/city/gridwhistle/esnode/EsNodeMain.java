package city.gridwhistle.esnode;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.elasticsearch.cluster.health.ClusterHealthStatus;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.core.TimeValue;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.ClasspathPluginNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one Elasticsearch node for a parent process. Prints {@value #READY_PREFIX} and the HTTP port on stdout once
 * the node answers HTTP, and stops when its stdin ends or the parent process is gone, so it never outlives the
 * parent.
 */
public final class EsNodeMain {

    public static final String READY_PREFIX = "GRIDWHISTLE-ES-READY";

    /** Named as the distribution's modules they stand in for are, prefixed where they are our own. */
    static final Map<String, Class<? extends Plugin>> PLUGINS = orderedPlugins();

    private static Map<String, Class<? extends Plugin>> orderedPlugins() {
        Map<String, Class<? extends Plugin>> plugins = new LinkedHashMap<>();
        plugins.put("transport-netty4", Netty4Plugin.class);
        plugins.put("gridwhistle-rest-root", RootPlugin.class);
        plugins.put("gridwhistle-analysis-common", CommonAnalysisSubsetPlugin.class);
        return java.util.Collections.unmodifiableMap(plugins);
    }

    private static final long PARENT_POLL_MILLIS = 500;
    private static final long CLOSE_TIMEOUT_SECONDS = 10;

    private final NodeOptions options;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Node node;

    private EsNodeMain(NodeOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        NodeOptions options;
        try {
            options = NodeOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("es-node: " + e.getMessage());
            System.err.println(NodeOptions.USAGE);
            System.exit(64);
            return;
        }
        new EsNodeMain(options).run();
    }

    private void run() {
        // stdout carries the ready line only; anything else printed there goes to stderr
        PrintStream readyChannel = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);

        startWatchers();
        Logger logger;
        try {
            Files.createDirectories(options.dataDir());
            Files.createDirectories(options.logsDir());
            Files.createDirectories(options.home().resolve("config"));
            NodeLogging.configure(options.logsDir());
            logger = LogManager.getLogger(EsNodeMain.class);
        } catch (IOException | RuntimeException e) {
            System.err.println("es-node: cannot prepare " + options.home() + ": " + e);
            System.exit(1);
            return;
        }

        try {
            Environment environment = InternalSettingsPreparer.prepareEnvironment(
                nodeSettings(),
                Map.of(),
                options.home().resolve("config"),
                () -> "gridwhistle-embedded"
            );
            node = new ClasspathPluginNode(environment, PLUGINS);
            if (stopping.get()) {
                exit(0);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(this::closeNode, "es-node-shutdown"));
            node.start();
            int port = boundHttpPort(node);
            awaitYellow(node, logger);
            readyChannel.println(READY_PREFIX + " " + port);
            logger.info("embedded node ready on http://127.0.0.1:{}", port);
        } catch (Throwable e) {
            logger.error("embedded Elasticsearch node failed to start", e);
            // one line to end the error output with, which is what the parent quotes when it reports the failure
            System.err.println("es-node: failed to start: " + e);
            exit(1);
        }
        // Elasticsearch's own threads are daemons: this thread keeps the JVM up until a watcher stops it
        awaitStopped();
    }

    private void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Settings nodeSettings() {
        return Settings.builder()
            .put("path.home", options.home().toString())
            .put("path.data", options.dataDir().toString())
            .put("path.logs", options.logsDir().toString())
            .put("cluster.name", options.clusterName())
            .put("node.name", "gridwhistle-embedded")
            .put("node.attr.gridwhistle_embedded", "true")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", options.httpPort())
            .put("transport.port", options.transportPort())
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .putList("node.roles", "master", "data", "ingest")
            // thread pools sized for a node beside an application, not for the whole machine
            .put("node.processors", Math.min(2, Runtime.getRuntime().availableProcessors()))
            // the node runs the serial collector, whose heap "in use" counts garbage until the next collection
            // (only G1 is nudged to collect before a breaker trips): the parent breaker counts what requests
            // reserve instead, or a busy node refuses requests with 429 while most of its heap is garbage
            .put("indices.breaker.total.use_real_memory", false)
            .build();
    }

    private static int boundHttpPort(Node node) {
        return node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().getPort();
    }

    private static void awaitYellow(Node node, Logger logger) {
        try {
            ClusterHealthStatus status = node.client()
                .admin()
                .cluster()
                .prepareHealth(TimeValue.timeValueSeconds(30))
                .setWaitForYellowStatus()
                .setTimeout(TimeValue.timeValueSeconds(30))
                .get()
                .getStatus();
            logger.info("cluster health at start: {}", status);
        } catch (RuntimeException e) {
            logger.warn("cluster health not yet yellow; reporting ready anyway", e);
        }
    }

    private void startWatchers() {
        Thread stdinWatcher = new Thread(() -> {
            try (InputStream in = System.in) {
                byte[] buffer = new byte[256];
                while (in.read(buffer) >= 0) {
                    // the parent never writes; reading only waits for the end of the stream
                }
            } catch (IOException ignored) {
                // a broken pipe means the same as end of stream: the parent is gone
            }
            requestStop("stdin closed");
        }, "es-node-stdin-watcher");
        stdinWatcher.setDaemon(true);
        stdinWatcher.start();

        options.parentPid().ifPresent(pid -> {
            Optional<ProcessHandle> parent = ProcessHandle.of(pid);
            Thread parentWatcher = new Thread(() -> {
                while (parent.map(ProcessHandle::isAlive).orElse(false)) {
                    try {
                        Thread.sleep(PARENT_POLL_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                requestStop("parent process " + pid + " is gone");
            }, "es-node-parent-watcher");
            parentWatcher.setDaemon(true);
            parentWatcher.start();
        });
    }

    private void requestStop(String reason) {
        if (stopping.compareAndSet(false, true) == false) {
            return;
        }
        Thread stopper = new Thread(() -> {
            LogManager.getLogger(EsNodeMain.class).info("stopping: {}", reason);
            closeNode();
            exit(0);
        }, "es-node-stopper");
        stopper.start();
    }

    private void closeNode() {
        Node current = node;
        if (current == null || closed.compareAndSet(false, true) == false) {
            return;
        }
        try {
            current.prepareForClose();
            current.close();
            if (current.awaitClose(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS) == false) {
                LogManager.getLogger(EsNodeMain.class).warn("node did not close within {}s", CLOSE_TIMEOUT_SECONDS);
            }
        } catch (IOException | RuntimeException e) {
            LogManager.getLogger(EsNodeMain.class).warn("error while closing the node", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    private static void exit(int status) {
        NodeLogging.shutdown();
        System.exit(status);
    }

    /** Command-line options, validated. */
    record NodeOptions(Path home, int httpPort, int transportPort, Optional<Long> parentPid, String clusterName) {

        static final String USAGE = "usage: EsNodeMain --home <dir> --http-port <n> --transport-port <n> "
            + "[--parent-pid <pid>] [--cluster-name <name>]";

        Path dataDir() {
            return home.resolve("data");
        }

        Path logsDir() {
            return home.resolve("logs");
        }

        static NodeOptions parse(String[] args) {
            Path home = null;
            Integer httpPort = null;
            Integer transportPort = null;
            Long parentPid = null;
            String clusterName = "gridwhistle";
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + name);
                }
                String value = args[++i];
                switch (name) {
                    case "--home" -> home = Path.of(value).toAbsolutePath().normalize();
                    case "--http-port" -> httpPort = port(name, value);
                    case "--transport-port" -> transportPort = port(name, value);
                    case "--parent-pid" -> parentPid = number(name, value);
                    case "--cluster-name" -> clusterName = value;
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (home == null || httpPort == null || transportPort == null) {
                throw new IllegalArgumentException("--home, --http-port and --transport-port are required");
            }
            return new NodeOptions(home, httpPort, transportPort, Optional.ofNullable(parentPid), clusterName);
        }

        private static int port(String name, String value) {
            long port = number(name, value);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(name + " must be a port number, got " + value);
            }
            return (int) port;
        }

        private static long number(String name, String value) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number, got " + value);
            }
        }
    }
}
