package city.gridwhistle.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.gridwhistle.infra.postgres.EmbeddedPostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Crypto-shredding on the real key table: a destroyed key leaves a mark, by which a sealed text reads as erased,
 * never as broken, and nothing is sealed for that person again.
 */
class PersonKeysIntegrationTest {

    private static final MasterKey MASTER = MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));

    private static EmbeddedPostgresServer postgres;
    private static SingleConnectionDataSource dataSource;
    private static JdbcTemplate jdbc;
    private final PersonKeys keys = new PersonKeys(jdbc, MASTER);
    private final SealedTexts texts = new SealedTexts(keys);

    @BeforeAll
    static void database() throws Exception {
        postgres = EmbeddedPostgresServer.start(Files.createTempDirectory(Path.of("target"), "person-keys"));
        dataSource = new SingleConnectionDataSource(postgres.jdbcUrl(), postgres.username(), "", true);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterAll
    static void stop() {
        dataSource.destroy();
        postgres.close();
    }

    @Test
    void aTextSealedForAPersonOpensUntilTheirKeyIsDestroyedAndThenReadsAsErased() {
        String sealed = texts.seal("R101", "handle", "骑手7A01");
        assertThat(texts.open("R101", "handle", sealed)).contains("骑手7A01");

        keys.destroy("R101");

        assertThat(texts.open("R101", "handle", sealed)).isEmpty();
        assertThat(keys.destroyed("R101")).isTrue();
        assertThat(jdbc.queryForObject("select wrapped_key from person_key where subject_id = 'R101'", byte[].class))
                .isNull();
    }

    @Test
    void nothingIsSealedForAnErasedPersonAgain() {
        keys.destroy("R102");

        assertThatThrownBy(() -> texts.seal("R102", "handle", "骑手7A02")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("destroyed");
        assertThat(keys.find("R102")).isEmpty();
    }

    @Test
    void destroyingTwiceKeepsTheFirstMark() {
        keys.keyFor("R103");
        keys.destroy("R103");
        Object first = destroyedAt("R103");

        keys.destroy("R103");

        assertThat(destroyedAt("R103")).isEqualTo(first);
    }

    private static Object destroyedAt(String subjectId) {
        return jdbc.queryForObject("select destroyed_at from person_key where subject_id = ?", Object.class, subjectId);
    }

    @Test
    void theErasedAreToldApartFromTheOthers() {
        keys.keyFor("R104");
        keys.destroy("R105");

        assertThat(keys.destroyedAmong(List.of("R104", "R105", "R106"))).containsExactly("R105");
        assertThat(keys.destroyedAmong(List.of())).isEmpty();
    }

    @Test
    void aTextMovedToAnotherPersonOrFieldDoesNotOpen() {
        String sealed = texts.seal("R107", "handle", "骑手7A07");
        keys.keyFor("R108");

        assertThatThrownBy(() -> texts.open("R108", "handle", sealed))
                .isInstanceOf(UnreadablePersonalDataException.class);
        assertThatThrownBy(() -> texts.open("R107", "leaderboard-name", sealed))
                .isInstanceOf(UnreadablePersonalDataException.class);
    }

    @Test
    void aSealedTextWithoutAKeyOfAPersonNeverErasedIsAnErrorNotAnErasure() {
        String sealed = new SealedTexts(new PersonKeys(jdbc, MASTER)).seal("R109", "handle", "骑手7A09");
        jdbc.update("delete from person_key where subject_id = 'R109'");

        assertThatThrownBy(() -> texts.open("R109", "handle", sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never erased");
    }

    @Test
    void anotherMasterKeyIsRefusedAtStart() {
        keys.keyFor("R110");
        PersonKeys withAnotherMaster = new PersonKeys(jdbc,
                MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
                        11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32})));

        assertThatThrownBy(withAnotherMaster::checkMasterKey).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("master key");
    }
}
