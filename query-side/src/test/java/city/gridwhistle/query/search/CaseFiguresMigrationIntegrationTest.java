package city.gridwhistle.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.query.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V36 on an installation that already has daily figures (decision 0037): the monthly rows are their sums, and the
 * figures are left due for a rebuild, since the stored contributions do not know from when a case is overdue. Runs
 * the migrations in a schema of its own, in the shared test database.
 */
class CaseFiguresMigrationIntegrationTest {

    @Test
    void v36SumsTheDailyRowsPerMonthAndLeavesTheFiguresDueForARebuild() {
        String schema = "figures_upgrade";
        JdbcTemplate jdbc = freshSchemaMigratedTo(schema, "28");
        jdbc.update("""
                insert into figures_upgrade.case_figures_case (case_id, district_code, reports, registered_on_time,
                    dispatched_accurately, handled_on_time, reworked, closed_on_time, reported_on)
                values ('U1', '510104', 1, false, false, false, false, false, '2026-03-02')""");
        for (String day : new String[] {"2026-03-02", "2026-03-31", "2026-04-01"}) {
            jdbc.update("""
                    insert into figures_upgrade.case_figures_daily
                    values ('DISTRICT', ?::date, '510104', '510104', 1, 2, 0, 0, 0, 0, 0, 0, 30, 1, 0, 0)""", day);
        }

        migrate(schema, "36");

        assertThat(jdbc.queryForList("""
                select month || ' ' || reported || ' ' || registered || ' ' || handling_minutes || ' ' || open_overdue
                from figures_upgrade.case_figures_monthly order by month""", String.class))
                .containsExactly("2026-03-01 2 4 60 0", "2026-04-01 1 2 30 0");
        assertThat(jdbc.queryForList("select model from figures_upgrade.read_model_rebuild_due", String.class))
                .containsExactly(CaseFigures.REBUILD_DUE);
        jdbc.execute("drop schema " + schema + " cascade");
    }

    @Test
    void aNewInstallationHasNothingToRebuild() {
        String schema = "figures_new";
        JdbcTemplate jdbc = freshSchemaMigratedTo(schema, "36");

        assertThat(jdbc.queryForObject("select count(*) from " + schema + ".read_model_rebuild_due", Long.class))
                .isZero();
        jdbc.execute("drop schema " + schema + " cascade");
    }

    private static JdbcTemplate freshSchemaMigratedTo(String schema, String target) {
        JdbcTemplate jdbc = TestDatabase.jdbc();
        jdbc.execute("drop schema if exists " + schema + " cascade");
        migrate(schema, target);
        return jdbc;
    }

    private static void migrate(String schema, String target) {
        Flyway.configure().dataSource(TestDatabase.dataSource()).schemas(schema).locations("classpath:db/migration")
                .target(target).load().migrate();
    }
}
