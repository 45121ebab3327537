package city.gridwhistle.infra.audit;

import city.gridwhistle.infra.postgres.EmbeddedPostgresServer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An embedded PostgreSQL with the application's migrations, for the audit tests of one thread: one connection,
 * kept open as a pool would keep it.
 */
final class AuditDatabase implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final JdbcTemplate jdbc;
    final TransactionTemplate transactions;
    private final EmbeddedPostgresServer postgres;
    private final SingleConnectionDataSource dataSource;

    private AuditDatabase(EmbeddedPostgresServer postgres) {
        this.postgres = postgres;
        this.dataSource = new SingleConnectionDataSource(postgres.jdbcUrl(), postgres.username(), "", true);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Starts a server on a fresh data folder under {@code target} whose name begins with the prefix. */
    static AuditDatabase start(String prefix) {
        try {
            Path folder = Files.createTempDirectory(Path.of("target"), prefix);
            return new AuditDatabase(EmbeddedPostgresServer.start(folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No events, checkpoints or marks: every global index and checkpoint id starts again at its first value. */
    void empty() {
        jdbc.update("truncate domain_event_entry, audit_checkpoint_mark, audit_checkpoint, audit_checkpoint_watermark "
                + "restart identity");
    }

    static byte[] json(Map<String, Object> metadata) {
        try {
            return JSON.writeValueAsBytes(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        dataSource.destroy();
        postgres.close();
    }
}
