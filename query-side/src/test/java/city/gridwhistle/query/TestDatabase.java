package city.gridwhistle.query;

import city.gridwhistle.infra.postgres.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * One real PostgreSQL server for the test JVM, with the application's schema (its Flyway migrations), started on
 * first use and stopped when the JVM exits. Tests that need a clean slate delete their own rows.
 */
public final class TestDatabase {

    private static PGSimpleDataSource dataSource;
    private static DataSourceTransactionManager transactions;

    private TestDatabase() {
    }

    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            try {
                Files.createDirectories(Path.of("target"));
                EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                        Files.createTempDirectory(Path.of("target"), "query-pg-"));
                Runtime.getRuntime().addShutdownHook(new Thread(server::close));
                PGSimpleDataSource source = new PGSimpleDataSource();
                source.setUrl(server.jdbcUrl());
                source.setUser(server.username());
                Flyway.configure().dataSource(source).locations("classpath:db/migration").load().migrate();
                dataSource = source;
                transactions = new DataSourceTransactionManager(source);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dataSource;
    }

    public static JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource());
    }

    public static synchronized PlatformTransactionManager transactions() {
        dataSource();
        return transactions;
    }
}
