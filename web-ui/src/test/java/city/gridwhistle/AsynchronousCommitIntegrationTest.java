package city.gridwhistle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A processor's transaction whose connection died before its first statement (PostgreSQL stopped, or restarted,
 * between two batches) must fail that batch and leave nothing on the thread, so that the processor's retry gets a
 * fresh connection and recovers on its own. Real connections to the shared PostgreSQL; the server side of the first
 * one is terminated by PostgreSQL itself, as a restart would do, while the client still holds it.
 */
@IntegrationTest
class AsynchronousCommitIntegrationTest {

    @Autowired
    DataSource pool;

    @Autowired
    DataSourceProperties properties;

    private final AtomicBoolean nextConnectionDies = new AtomicBoolean(true);
    private SimpleDriverDataSource connections;

    @AfterEach
    void leaveTheThreadClean() {
        if (connections != null && TransactionSynchronizationManager.hasResource(connections)) {
            TransactionSynchronizationManager.unbindResource(connections);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clear();
        }
    }

    @Test
    void aTransactionWhoseConnectionDiedBeforeItsFirstStatementLeavesNothingBehind() throws SQLException {
        connections = new SimpleDriverDataSource(new org.postgresql.Driver(), properties.determineUrl(),
                properties.determineUsername(), properties.determinePassword()) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                if (nextConnectionDies.getAndSet(false)) {
                    terminateServerSideOf(connection);
                }
                return connection;
            }
        };
        JdbcTemplate jdbc = new JdbcTemplate(connections);
        AsynchronousCommit transactions = new AsynchronousCommit(
                new SpringTransactionManager(new JdbcTransactionManager(connections)), jdbc);

        assertThatThrownBy(transactions::startTransaction).hasMessageContaining("synchronous_commit");

        assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
        assertThat(TransactionSynchronizationManager.hasResource(connections)).isFalse();
        Transaction retry = transactions.startTransaction();
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("off");
        retry.commit();
        assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
    }

    /** Ends the connection's server process and waits until it is gone; the client is not told. */
    private void terminateServerSideOf(Connection connection) throws SQLException {
        int pid;
        try (var statement = connection.createStatement();
             var result = statement.executeQuery("select pg_backend_pid()")) {
            result.next();
            pid = result.getInt(1);
        }
        JdbcTemplate other = new JdbcTemplate(pool);
        assertThat(other.queryForObject("select pg_terminate_backend(?)", Boolean.class, pid)).isTrue();
        org.awaitility.Awaitility.await().until(() -> other.queryForObject(
                "select count(*) from pg_stat_activity where pid = ?", Integer.class, pid) == 0);
    }
}
