package city.gridwhistle.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.gridwhistle.IntegrationTest;
import city.gridwhistle.web.security.DemoPasswordRefusal.Mode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The start-up check against the real PostgreSQL of the tests, which holds the demo city's accounts with their
 * published password, as a real installation would after loading the demo once. The check is run as it runs on an
 * operator's PostgreSQL; whatever a test changes is rolled back, since other tests sign in with the demo accounts.
 */
@IntegrationTest
class DemoPasswordRefusalIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PasswordEncoder encoder;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private DemoPasswordRefusal started;

    @Test
    void refusesToStartWhileAccountsHaveTheDemoPasswordAndSaysWhichAndWhatToDo() {
        DemoPasswordRefusal onExternalPostgres = new DemoPasswordRefusal(jdbc, encoder, true, Mode.REFUSE);

        assertThatThrownBy(onExternalPostgres::check).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refuses to start").hasMessageContaining("demo password")
                .hasMessageContaining("admin").hasMessageContaining("GRIDWHISTLE_SECURITY_DEMO_PASSWORDS=disable")
                .hasMessageContaining("more");
        assertThat(onExternalPostgres.accountsWithTheDemoPassword()).contains("admin", "supervisor", "r001", "w001");
    }

    @Test
    void theEmbeddedRunAndADemoAskedForStartAsBefore() {
        new DemoPasswordRefusal(jdbc, encoder, false, Mode.REFUSE).afterSingletonsInstantiated();
        started.afterSingletonsInstantiated();
    }

    @Test
    void startsOnceNoAccountHasTheDemoPasswordAnyMore() {
        rolledBack(status -> {
            String other = encoder.encode("a password of this installation");
            jdbc.update("update account set password_hash = ? where password_hash <> '!'", other);
            DemoPasswordRefusal onExternalPostgres = new DemoPasswordRefusal(jdbc, encoder, true, Mode.REFUSE);

            assertThat(onExternalPostgres.accountsWithTheDemoPassword()).isEmpty();
            onExternalPostgres.check();
        });
    }

    /** The administrator alone left with the demo password, sharing its hash with nobody, is still found. */
    @Test
    void aSingleDemoStaffAccountLeftIsFound() {
        rolledBack(status -> {
            jdbc.update("update account set password_hash = ? where password_hash <> '!' and username <> 'admin'",
                    encoder.encode("a password of this installation"));

            assertThat(new DemoPasswordRefusal(jdbc, encoder, true, Mode.REFUSE).accountsWithTheDemoPassword())
                    .containsExactly("admin");
        });
    }

    @Test
    void disableModeDisablesThemTakesThePasswordAwayAndStarts() {
        rolledBack(status -> {
            DemoPasswordRefusal disabling = new DemoPasswordRefusal(jdbc, encoder, true, Mode.DISABLE);
            List<String> found = disabling.accountsWithTheDemoPassword();

            disabling.check();

            assertThat(jdbc.queryForObject("select count(*) from account where username = any(?) and enabled",
                    Integer.class, (Object) found.toArray(String[]::new))).isZero();
            assertThat(new DemoPasswordRefusal(jdbc, encoder, true, Mode.REFUSE).accountsWithTheDemoPassword())
                    .isEmpty();
        });
    }

    private void rolledBack(Consumer<org.springframework.transaction.TransactionStatus> work) {
        transactions.executeWithoutResult(status -> {
            try {
                work.accept(status);
            } finally {
                status.setRollbackOnly();
            }
        });
    }
}
