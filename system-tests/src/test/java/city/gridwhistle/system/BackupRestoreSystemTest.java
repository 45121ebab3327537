package city.gridwhistle.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * docs/operations.md's backup and restore, done as written: {@code pg_dump -Fc} of a live installation,
 * {@code pg_restore} into a fresh database, the search projections rebuilt from the restored event store (their
 * tokens deleted, the indexes empty), and the application started on it. Every case of the dump is back and
 * searchable at its latest event, nothing filed after the dump is, the hash chains are intact, and new reports
 * are taken.
 *
 * <p>pg_dump refuses a server of a newer major version than its own, and the embedded server is PostgreSQL 17
 * while Debian 12 ships client 15; this test therefore runs the application on a PostgreSQL of the client's major
 * version (zonky's binaries of that version, copied by the build), which is what production does too: the
 * client that backs up a server is the one of its major version.
 */
class BackupRestoreSystemTest {

    private static final Logger log = LoggerFactory.getLogger(BackupRestoreSystemTest.class);
    /** The read models that live in Elasticsearch; the rest live in PostgreSQL and come back with the dump. */
    static final List<String> SEARCH_PROCESSORS = List.of("case-search", "station-directory");
    private static final String DRILL = "T9931";

    private final List<AppInstance> apps = new ArrayList<>();
    private EmbeddedPostgres postgres;

    @AfterEach
    void stopEverything() throws IOException {
        apps.forEach(AppInstance::kill);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aDumpRestoredIntoAFreshDatabaseWithRebuiltProjectionsGivesBackEveryCaseOfTheDump() throws Exception {
        Path bin = postgresClientBin();
        int major = majorVersion(bin.resolve("pg_dump"));
        postgres = startServer(major);
        int port = postgres.getPort();
        String es = SharedServers.elasticsearch().httpUri().toString();
        SharedServers.emptyElasticsearch();
        Http.useDatabase("backup_source");
        String sourceUrl = SharedServers.freshDatabase(port, "backup_source");
        Store source = new Store(sourceUrl);

        AppInstance live = app(AppInstance.of("backup-live", sourceUrl, es, List.of())).start();
        await("the demo city").atMost(Duration.ofMinutes(2)).until(source::demoCityLoaded);
        source.drillCategory(DRILL, 3600);
        Set<String> inDump = file(live, 20, 0);
        Checks.everyCaseIsSearchableAtItsLatestEvent(source, new Http(es), Duration.ofSeconds(60));

        Path dump = SharedServers.workDir().resolve("backup").resolve("gridwhistle.dump");
        Files.createDirectories(dump.getParent());
        run(bin.resolve("pg_dump").toString(), "--format=custom", "--host=localhost", "--port=" + port,
                "--username=postgres", "--dbname=backup_source", "--file=" + dump);
        log.info("pg_dump {}: {} bytes", major, Files.size(dump));
        Set<String> afterDump = file(live, 5, 1000);
        live.kill();

        String restoredUrl = SharedServers.freshDatabase(port, "backup_restored");
        run(bin.resolve("pg_restore").toString(), "--exit-on-error", "--no-owner", "--host=localhost",
                "--port=" + port, "--username=postgres", "--dbname=backup_restored", dump.toString());
        Store restored = new Store(restoredUrl);
        // the projection rebuild: Elasticsearch is out of step with the restored store, so its read models are
        // dropped and their processors replay the event store from the start
        SharedServers.emptyElasticsearch();
        int deleted = restored.update("delete from token_entry where processor_name = any (?)",
                (Object) SEARCH_PROCESSORS.toArray(String[]::new));
        assertThat(deleted).as("token rows of the search processors").isPositive();

        Http.useDatabase("backup_restored");
        AppInstance back = app(AppInstance.of("backup-restored", restoredUrl, es, List.of())).start();
        Map<String, List<Store.StoredEvent>> cases = Checks.everyAcknowledgedCaseIsStoredWhole(restored, inDump);
        assertThat(cases.keySet()).as("cases filed after the dump").doesNotContainAnyElementsOf(afterDump);
        Checks.everyCaseIsSearchableAtItsLatestEvent(restored, new Http(es), Duration.ofSeconds(90));
        await("the 20 rider stations rebuilt").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> new Http(es).get("/stations/_count", null).body().path("count").asInt() == 20);

        Http.Response verification = back.http().get("/api/admin/audit/verification", "admin");
        assertThat(verification.body().path("intact").asBoolean()).as("hash chains after restore: %s",
                verification.body()).isTrue();
        Set<String> afterRestore = file(back, 5, 2000);
        Checks.everyAcknowledgedCaseIsStoredWhole(restored, afterRestore);
        Checks.everyCaseIsSearchableAtItsLatestEvent(restored, new Http(es), Duration.ofSeconds(60));
    }

    private static Set<String> file(AppInstance app, int count, int seed) {
        Random random = new Random(seed);
        Set<String> cases = new HashSet<>();
        for (int i = 0; i < count; i++) {
            double[] point = DemoGrid.randomPoint(random);
            Http.Response filed = app.http().post("/api/reports", Map.of("categoryCode", DRILL, "lat", point[0],
                    "lon", point[1], "description", "备份演练 " + seed + "-" + i), "r%03d".formatted(1 + i % 50));
            assertThat(filed.status()).as("filing: %s", filed.body()).isEqualTo(201);
            cases.add(filed.body().path("caseId").asText());
        }
        return cases;
    }

    /** Debian's client programs of the newest major version installed ({@code postgresql-client-NN}). */
    static Path postgresClientBin() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("pg_dump")) && Files.isExecutable(b.resolve("pg_restore")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("no pg_dump under /usr/lib/postgresql/*/bin: "
                            + "apt-get install postgresql-client (.ci/run does)"));
        }
    }

    private static int majorVersion(Path pgDump) throws Exception {
        Process version = new ProcessBuilder(pgDump.toString(), "--version").redirectErrorStream(true).start();
        String out = new String(version.getInputStream().readAllBytes()).trim();
        version.waitFor();
        // "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"
        String number = out.replaceAll("^.*\\(PostgreSQL\\) ([0-9]+).*$", "$1");
        return Integer.parseInt(number);
    }

    /** A PostgreSQL of the given major version, from the zonky binaries the build copied for this test. */
    private static EmbeddedPostgres startServer(int major) throws Exception {
        Path binaries = Path.of(System.getProperty("system-tests.backup-postgres-binaries",
                "target/backup-postgres/backup-postgres-binaries.jar"));
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setPgBinaryResolver((system, machine) -> openArchive(binaries))
                .setDataDirectory(SharedServers.workDir().resolve("backup-postgres"))
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        try (var c = server.getPostgresDatabase().getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("show server_version_num")) {
            rs.next();
            int serverMajor = rs.getInt(1) / 10_000;
            if (serverMajor != major) {
                server.close();
                throw new IllegalStateException("pg_dump is of PostgreSQL " + major + " but the server binaries ("
                        + binaries + ") are " + serverMajor + ": set system-tests.backup-postgres.version in "
                        + "system-tests/pom.xml to a " + major + ".x release of zonky's binaries");
            }
        }
        return server;
    }

    private static InputStream openArchive(Path jar) throws IOException {
        JarFile file = new JarFile(jar.toFile());
        var entry = file.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                .orElseThrow(() -> new IOException("no .txz in " + jar));
        return file.getInputStream(entry);
    }

    private static void run(String... command) throws Exception {
        Path output = Files.createTempFile(SharedServers.workDir(), "command-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within 2 minutes");
        }
        assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), Files.readString(output)).isZero();
    }

    private AppInstance app(AppInstance app) {
        apps.add(app);
        return app;
    }
}
