package city.gridwhistle.infra.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server on a data directory that is kept between runs. Durable like a production server
 * (fsync and synchronous commit on: the event store is the source of truth), and able to take over a data
 * directory left behind by a killed application.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    public static EmbeddedPostgresServer start(Path dataDirectory) {
        try {
            return start(dataDirectory, freePort());
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for embedded PostgreSQL", e);
        }
    }

    /** On a given port: a server restarted where the application expects it (outage drills and tests). */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphan(dataDirectory);
            long started = System.nanoTime();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    // checkpoints by time, not every gigabyte of WAL: decision 0035
                    .setServerConfig("max_wal_size", "8GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            createStatementStatistics(postgres);
            log.info("Embedded PostgreSQL on port {} with data in {} ({} ms)", postgres.getPort(), dataDirectory,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return new EmbeddedPostgresServer(postgres, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * Per-statement counts and times (pg_stat_statements), as production servers should keep them
     * (docs/operations.md); in a schema of its own, beside the application's tables.
     */
    private static void createStatementStatistics(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists monitoring");
            statement.execute("create extension if not exists pg_stat_statements schema monitoring");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create pg_stat_statements in embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true";
    }

    public String username() {
        return "postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A killed application leaves its postgres running on the data directory. Stop that server (fast shutdown,
     * which still checkpoints every committed transaction) before starting ours; clear a pid file that names a
     * process which is not a postgres server.
     */
    private static void stopOrphan(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> orphan = lines.isEmpty() ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.getFirst().trim()))
                        .filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            log.warn("Removing stale {} that names no running postgres", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn("Stopping an orphaned PostgreSQL (pid {}) left on {}", orphan.get().pid(), dataDirectory);
        signalFastShutdown(orphan.get());
        try {
            orphan.get().onExit().get(ORPHAN_STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("orphaned PostgreSQL pid " + orphan.get().pid() + " on "
                    + dataDirectory + " did not stop within " + ORPHAN_STOP_TIMEOUT, e);
        }
    }

    private static void signalFastShutdown(ProcessHandle postgres) throws IOException {
        try {
            // SIGINT is PostgreSQL's fast shutdown; ProcessHandle only offers SIGTERM, which waits for clients
            new ProcessBuilder("kill", "-INT", Long.toString(postgres.pid())).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            postgres.destroy();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
