package city.gridwhistle.command.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.gridwhistle.api.casework.ReporterIdentity;
import city.gridwhistle.infra.postgres.EmbeddedPostgresServer;
import city.gridwhistle.infra.privacy.MasterKey;
import city.gridwhistle.infra.privacy.PersonKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Installations from before issue #6 hold names and phones in plain: the upgrade seals each under the rider's own
 * key and only then drops the plain columns, on a PostgreSQL of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiderIdentityEncryptionMigrationIntegrationTest {

    private static final MasterKey MASTER_KEY = MasterKey.fromBase64(Base64.getEncoder().encodeToString(
            "a master key of thirty-two bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

    private EmbeddedPostgresServer postgres;

    @BeforeAll
    void startPostgres() throws IOException {
        Path dataDir = Files.createTempDirectory(Path.of(System.getProperty("gridwhistle.data-dir")).getParent(),
                "identity-migration-");
        postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"));
    }

    @AfterAll
    void stopPostgres() {
        postgres.close();
    }

    @Test
    void plainNamesAndPhonesAreSealedEachUnderTheRidersOwnKey() {
        JdbcTemplate jdbc = database("sealed");
        migrate(jdbc.getDataSource(), "7");
        jdbc.update("insert into rider_identity (rider_id, name, phone) values (?, ?, ?), (?, ?, ?)",
                "R001", "张三", "13900000001", "R002", "李四", "13900000002");

        migrate(jdbc.getDataSource(), null, new RiderIdentityEncryptionMigration(MASTER_KEY));

        assertThat(jdbc.queryForList("""
                select column_name from information_schema.columns where table_name = 'rider_identity'""", String.class))
                .doesNotContain("name", "phone");
        assertThat(jdbc.queryForObject("select count(distinct wrapped_key) from person_key", Long.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from rider_identity t where t::text like '%张三%'", Long.class))
                .isZero();
        RiderIdentities identities = new RiderIdentities(jdbc, new PersonKeys(jdbc, MASTER_KEY));
        assertThat(identities.find("R001")).contains(new ReporterIdentity("R001", "张三", "13900000001"));
        assertThat(identities.find("R002")).contains(new ReporterIdentity("R002", "李四", "13900000002"));
    }

    @Test
    void thePlainColumnsAreNeverDroppedBeforeTheirValuesAreSealed() {
        JdbcTemplate jdbc = database("unsealed");
        migrate(jdbc.getDataSource(), "7");
        jdbc.update("insert into rider_identity (rider_id, name, phone) values ('R001', '张三', '13900000001')");

        assertThatThrownBy(() -> migrate(jdbc.getDataSource(), null)).isInstanceOf(FlywayException.class);

        assertThat(jdbc.queryForObject("select name from rider_identity where rider_id = 'R001'", String.class))
                .isEqualTo("张三");
    }

    private JdbcTemplate database(String name) {
        JdbcTemplate admin = new JdbcTemplate(dataSource(postgres.jdbcUrl()));
        admin.execute("create database " + name);
        return new JdbcTemplate(dataSource(postgres.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1")));
    }

    private DataSource dataSource(String url) {
        return new DriverManagerDataSource(url, postgres.username(), "");
    }

    private static void migrate(DataSource dataSource, String target, JavaMigration... javaMigrations) {
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(javaMigrations);
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }
}
