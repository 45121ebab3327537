package city.gridwhistle.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.gridwhistle.infra.postgres.MigrationOrder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An installation migrated before V26 existed has V35 applied and not V26 to V28 (decision 0038): migrating it with
 * today's migrations applies those below V35 too, in the order the application migrates in, where Flyway's default
 * order refuses. Runs in a schema of its own, in the shared test database.
 */
class MigrationOrderIntegrationTest {

    private static final String SCHEMA = "installed_before_v26";
    private static final Pattern VERSION = Pattern.compile("V(\\d+)(_\\d+)?__.*\\.sql");

    @TempDir
    Path before;

    @Test
    void migrationsNumberedBelowTheHighestAppliedOneAreAppliedToo() throws IOException {
        JdbcTemplate jdbc = TestDatabase.jdbc();
        jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
        // the migrations of 2026-11-29: everything up to V25, and V35
        var resolver = new PathMatchingResourcePatternResolver();
        for (Resource migration : resolver.getResources("classpath:db/migration/*.sql")) {
            Matcher m = VERSION.matcher(migration.getFilename());
            assertThat(m.matches()).as(migration.getFilename()).isTrue();
            int major = Integer.parseInt(m.group(1));
            if (major <= 25 || major == 35) {
                try (InputStream in = migration.getInputStream()) {
                    Files.copy(in, before.resolve(migration.getFilename()));
                }
            }
        }
        flyway().locations("filesystem:" + before).load().migrate();

        assertThatThrownBy(() -> flyway().load().migrate()).as("Flyway's default order")
                .isInstanceOf(FlywayException.class).hasMessageContaining("not applied");
        MigrationOrder.applyTo(flyway()).load().migrate();

        assertThat(jdbc.queryForList("select version from " + SCHEMA + ".flyway_schema_history where success "
                + "and version in ('26', '27', '28', '35', '36') order by installed_rank", String.class))
                .containsExactly("35", "26", "27", "28", "36");
        assertThat(jdbc.queryForObject("select count(*) from " + SCHEMA + ".case_figures_monthly", Long.class))
                .isZero();
        jdbc.execute("drop schema " + SCHEMA + " cascade");
    }

    private static FluentConfiguration flyway() {
        return Flyway.configure().dataSource(TestDatabase.dataSource()).schemas(SCHEMA)
                .locations("classpath:db/migration");
    }
}
