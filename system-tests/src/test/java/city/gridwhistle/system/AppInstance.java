package city.gridwhistle.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packaged application as a child process on external PostgreSQL and Elasticsearch, on a fixed port (so a
 * restarted instance answers where clients expect it). {@link #kill()} is SIGKILL: no shutdown hook, no flush,
 * nothing graceful.
 */
final class AppInstance implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AppInstance.class);
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    /** Settings every test instance gets: no per-rider brake on the load, quick detection of dead executions. */
    static final List<String> TEST_SETTINGS = List.of(
            "--gridwhistle.security.reports-per-window=1000000",
            "--gridwhistle.demo.enabled=true",
            // every instance of one installation shares the master key (a test key, never a real one)
            "--gridwhistle.privacy.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            "--db-scheduler.heartbeat-interval=2s",
            "--db-scheduler.missed-heartbeats-limit=4",
            "--logging.level.root=WARN",
            "--logging.level.city.gridwhistle=INFO");

    /** Processes still running when the test JVM ends (a failed or timed-out run) go with it. */
    private static final java.util.Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "kill-app-instances"));
    }

    private final String name;
    private final int port;
    private final List<String> command;
    private final Path logFile;
    private Process process;
    private int starts;

    private AppInstance(String name, int port, List<String> command, Path logFile) {
        this.name = name;
        this.port = port;
        this.command = command;
        this.logFile = logFile;
    }

    /** An instance, not yet started, of the application on the given database and Elasticsearch. */
    static AppInstance of(String name, String jdbcUrl, String elasticsearchUri, List<String> extraSettings) {
        Path dir = SharedServers.workDir().resolve("apps").resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Ddisable-axoniq-console-message=true",
                "-jar", appJar().toString(),
                "--server.port=" + port,
                "--gridwhistle.data-dir=" + dir.resolve("data"),
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.elasticsearch.uris=" + elasticsearchUri));
        command.addAll(TEST_SETTINGS);
        command.addAll(extraSettings);
        return new AppInstance(name, port, command, dir.resolve("app.log"));
    }

    static Path appJar() {
        Path jar = Path.of(System.getProperty("system-tests.app-jar", "../web-ui/target/gridwhistle.jar"))
                .toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw -pl web-ui -am -DskipTests package");
        }
        return jar;
    }

    String name() {
        return name;
    }

    /** Everything the process wrote, every start of it. */
    Path logFile() {
        return logFile;
    }

    Http http() {
        return new Http("http://127.0.0.1:" + port);
    }

    /** Launches the process without waiting for it. */
    synchronized AppInstance launch() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " already runs");
        }
        try {
            starts++;
            Files.writeString(logFile, "=== start " + starts + " ===" + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            Process started = process;
            RUNNING.add(started);
            started.onExit().thenRun(() -> RUNNING.remove(started));
            log.info("{}: started pid {} on port {} (start {})", name, process.pid(), port, starts);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Launches the process and waits until it answers and its health is UP. */
    AppInstance start() {
        launch();
        awaitUp();
        return this;
    }

    void awaitUp() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Http http = http();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see "
                        + logFile);
            }
            Http.Response health = http.get("/actuator/health", null);
            if (health.status() == 200 && "UP".equals(health.body().path("status").asText())) {
                return;
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " not up within " + START_TIMEOUT + "; see " + logFile);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("{}: killed (SIGKILL) pid {}", name, process.pid());
    }

    /** SIGTERM: a graceful stop. */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
