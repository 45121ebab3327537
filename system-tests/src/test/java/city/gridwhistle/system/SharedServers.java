package city.gridwhistle.system;

import city.gridwhistle.infra.elasticsearch.EmbeddedElasticsearch;
import city.gridwhistle.infra.postgres.EmbeddedPostgresServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * One PostgreSQL and one Elasticsearch for the whole test JVM, started on first use. Each test gets a database of
 * its own on the shared server and starts with an empty Elasticsearch (the index names are fixed), so the test
 * classes run one after another, never side by side.
 */
final class SharedServers {

    private static EmbeddedPostgresServer postgres;
    private static EmbeddedElasticsearch elasticsearch;

    private SharedServers() {
    }

    static Path workDir() {
        return Path.of(System.getProperty("system-tests.work-dir", "target/system-tests")).toAbsolutePath();
    }

    static synchronized EmbeddedPostgresServer postgres() {
        if (postgres == null) {
            postgres = EmbeddedPostgresServer.start(workDir().resolve("postgres"));
        }
        return postgres;
    }

    static synchronized EmbeddedElasticsearch elasticsearch() {
        if (elasticsearch == null) {
            elasticsearch = EmbeddedElasticsearch.start(workDir().resolve("elasticsearch"));
            if (!elasticsearch.awaitReady(Duration.ofMinutes(2))) {
                throw new IllegalStateException("Elasticsearch not ready within 2 minutes");
            }
        }
        return elasticsearch;
    }

    /** A new, empty database on the shared server; its JDBC URL. */
    static String freshDatabase(String name) {
        return freshDatabase(postgres().port(), name);
    }

    static String freshDatabase(int port, String name) {
        try (Connection admin = DriverManager.getConnection(jdbcUrl(port, "postgres"), "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return jdbcUrl(port, name);
    }

    static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?reWriteBatchedInserts=true";
    }

    /** Drops every index, so the next application builds its read models from its own event store. */
    static void emptyElasticsearch() {
        Http es = new Http(elasticsearch().httpUri().toString());
        JsonNode indices = es.getJson("/_cat/indices?format=json&expand_wildcards=all");
        for (JsonNode index : indices) {
            String name = index.path("index").asText();
            if (!name.startsWith(".")) {
                es.delete("/" + name);
            }
        }
    }
}
