package city.gridwhistle.infra.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded server keeps per-statement statistics, and a second start on the same data directory (the
 * application's restart) finds them in place; its checkpoints are set apart by time. Its own server, since the
 * test restarts it.
 */
class EmbeddedPostgresServerIntegrationTest {

    @Test
    void statementsAreCountedAcrossARestartOnTheSameData() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "embedded-pg-");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data)) {
            JdbcTemplate jdbc = jdbc(server);
            jdbc.execute("create table probe (id int)");
            for (int i = 0; i < 3; i++) {
                jdbc.update("insert into probe (id) values (?)", i);
            }
            assertThat(calls(jdbc, "insert into probe%")).isEqualTo(3);
            assertThat(jdbc.queryForObject("show max_wal_size", String.class)).isEqualTo("8GB");
            assertThat(jdbc.queryForObject("show checkpoint_timeout", String.class)).isEqualTo("15min");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data)) {
            JdbcTemplate jdbc = jdbc(server);
            assertThat(jdbc.queryForObject("select count(*) from probe", Long.class)).isEqualTo(3);
            jdbc.update("insert into probe (id) values (?)", 3);
            assertThat(calls(jdbc, "insert into probe%")).isEqualTo(4);
        }
    }

    private static long calls(JdbcTemplate jdbc, String pattern) {
        Long calls = jdbc.queryForObject(
                "select coalesce(sum(calls), 0) from monitoring.pg_stat_statements where query like ?", Long.class,
                pattern);
        return calls == null ? 0 : calls;
    }

    private static JdbcTemplate jdbc(EmbeddedPostgresServer server) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(server.jdbcUrl());
        dataSource.setUser(server.username());
        return new JdbcTemplate(dataSource);
    }
}
