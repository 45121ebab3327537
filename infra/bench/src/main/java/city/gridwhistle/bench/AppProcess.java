package city.gridwhistle.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged application in a child process, on its embedded PostgreSQL and Elasticsearch in a data folder of
 * the benchmark's own. The stores' ports and the Elasticsearch node's pid are read from the application's log,
 * so the raw limits are measured against exactly the servers the application uses.
 */
final class AppProcess implements AutoCloseable {

    // the embedded server starts before logging does: its port is read from Flyway's line instead
    private static final Pattern POSTGRES = Pattern.compile("Database: jdbc:postgresql://localhost:(\\d+)/");
    private static final Pattern ELASTIC = Pattern.compile("Elasticsearch \\(pid (\\d+)\\) ready on (http://[0-9.]+:\\d+)");
    private static final Pattern STARTED = Pattern.compile("Started GridWhistleApplication");
    // the demo seeder runs after the application has started: the city must be there before the load
    private static final Pattern SEEDED = Pattern.compile("Demo city loaded");

    final Process process;
    final Path log;
    final Path dataDir;
    final URI baseUri;
    int postgresPort;
    long elasticPid;
    URI elasticUri;

    private AppProcess(Process process, Path log, Path dataDir, URI baseUri) {
        this.process = process;
        this.log = log;
        this.dataDir = dataDir;
        this.baseUri = baseUri;
    }

    /** Starts the application; on a folder an earlier run seeded ({@code seeded}), without waiting for the seeder. */
    static AppProcess start(Path jar, Path dataDir, Path cityFolder, List<String> jvmOptions, List<String> properties,
                            boolean seeded, Duration timeout) throws IOException, InterruptedException {
        int port = freePort();
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("app.log");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--gridwhistle.data-dir=" + dataDir);
        command.add("--gridwhistle.demo.enabled=true");
        command.add("--gridwhistle.demo.location=file:" + cityFolder + "/");
        command.add("--gridwhistle.security.reports-per-window=0");
        properties.forEach(p -> command.add("--" + p));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        AppProcess app = new AppProcess(process, log, dataDir, URI.create("http://127.0.0.1:" + port));
        try {
            app.awaitStarted(seeded, timeout);
        } catch (RuntimeException | IOException | InterruptedException e) {
            app.close();
            throw e;
        }
        return app;
    }

    private void awaitStarted(boolean seeded, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + "; see " + log);
            }
            String text = Files.readString(log, StandardCharsets.UTF_8);
            Matcher pg = POSTGRES.matcher(text);
            Matcher es = ELASTIC.matcher(text);
            if (pg.find() && es.find() && STARTED.matcher(text).find()
                    && (seeded || SEEDED.matcher(text).find())) {
                postgresPort = Integer.parseInt(pg.group(1));
                elasticPid = Long.parseLong(es.group(1));
                elasticUri = URI.create(es.group(2));
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the application did not start within " + timeout + "; see " + log);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/postgres?user=postgres&reWriteBatchedInserts=true";
    }

    long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).getFirst().trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
