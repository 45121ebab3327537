package city.gridwhistle.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.infra.postgres.EmbeddedPostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two application instances (two {@link Checkpoints} on their own connections) close checkpoints at the same time
 * while events are appended: the checkpoints still follow one another, with no gap and no overlap, and verify.
 */
class CheckpointsAcrossInstancesIntegrationTest {

    private static EmbeddedPostgresServer postgres;
    private static PGSimpleDataSource dataSource;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgresServer.start(Files.createTempDirectory(Path.of("target"), "checkpoints-pg-"));
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl());
        dataSource.setUser(postgres.username());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Test
    void twoInstancesClosingAtOnceNeverOverlapOrForkTheChain() throws Exception {
        Checkpoints first = instance();
        Checkpoints second = instance();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        AtomicBoolean appending = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        CountDownLatch go = new CountDownLatch(1);
        Future<?> appender = threads.submit(() -> {
            await(go);
            while (appending.get()) {
                append(jdbc);
            }
        });
        List<Future<?>> closers = new ArrayList<>();
        for (Checkpoints instance : List.of(first, second)) {
            closers.add(threads.submit(() -> {
                await(go);
                for (int round = 0; round < 60; round++) {
                    instance.advance();
                }
            }));
        }
        go.countDown();
        for (Future<?> closer : closers) {
            closer.get();
        }
        appending.set(false);
        appender.get();
        threads.shutdown();

        List<Map<String, Object>> rows = jdbc.queryForList(
                "select from_global_index, to_global_index from audit_checkpoint order by checkpoint_id");
        assertThat(rows).as("checkpoints closed").hasSizeGreaterThan(10);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(((Number) rows.get(i).get("from_global_index")).longValue())
                    .as("checkpoint %d starts where checkpoint %d ended", i + 1, i)
                    .isEqualTo(((Number) rows.get(i - 1).get("to_global_index")).longValue() + 1);
        }
        assertThat(first.verify().problem()).isNull();
    }

    private static Checkpoints instance() {
        return new Checkpoints(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    private static void append(JdbcTemplate jdbc) {
        jdbc.update("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload, meta_data)
                values (?, ?, 0, 'Test', '2026-11-29T00:00:00Z', 'Test', ?, ?)""",
                UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "{}".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
