package city.gridwhistle.web.security;

import city.gridwhistle.web.demo.DemoAccounts;
import city.gridwhistle.web.demo.DemoData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The application does not start on an operator's PostgreSQL while any account there still has the published demo
 * password (decision 0048): a demo city once loaded on a real installation, or copied into one, is a set of
 * accounts anyone can sign in to, the administrator's among them. Checked once all beans exist (Flyway has run)
 * and before the web server opens, so not one request is answered.
 *
 * <p>The demo seeder hashes the password once for all its accounts, so only the hashes several accounts share, and
 * those of the demo's staff names, are tried: a handful of hash checks, not one per account. A password set to the
 * demo one by hand is refused by the {@link PasswordPolicy} wherever the demo is not loaded.
 *
 * <p>Not checked on the embedded PostgreSQL, nor where the demo was asked for by name ({@code
 * gridwhistle.demo.enabled=true}: the system tests, the benchmark, a demo on purpose). With {@code
 * gridwhistle.security.demo-passwords=disable} the accounts found are disabled and their password taken away
 * instead, and the start goes on.
 */
@Component
public class DemoPasswordRefusal implements SmartInitializingSingleton {

    public static final String MODE = "gridwhistle.security.demo-passwords";
    private static final Logger log = LoggerFactory.getLogger(DemoPasswordRefusal.class);
    private static final int NAMES_SHOWN = 10;

    /** What to do with accounts that have the demo password. */
    public enum Mode { REFUSE, DISABLE }

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final boolean applies;
    private final Mode mode;

    @Autowired
    DemoPasswordRefusal(JdbcTemplate jdbc, PasswordEncoder encoder, Environment environment) {
        this(jdbc, encoder, !DemoData.onEmbeddedPostgres(environment) && !DemoData.askedFor(environment),
                environment.getProperty(MODE, Mode.class, Mode.REFUSE));
    }

    DemoPasswordRefusal(JdbcTemplate jdbc, PasswordEncoder encoder, boolean applies, Mode mode) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.applies = applies;
        this.mode = mode;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (applies) {
            check();
        }
    }

    /** Refuses (or disables, see {@link Mode}) the accounts with the demo password; nothing when there are none. */
    void check() {
        List<String> found = accountsWithTheDemoPassword();
        if (found.isEmpty()) {
            return;
        }
        if (mode == Mode.DISABLE) {
            for (String username : found) {
                jdbc.update("update account set password_hash = '!', enabled = false, must_change_password = false"
                        + " where username = ?", username);
            }
            log.warn("Disabled {} accounts that had the published demo password ({}); an administrator gives them a"
                    + " password with a reset", found.size(), shown(found));
            return;
        }
        throw new IllegalStateException("""
                GridWhistle refuses to start: %d accounts on this PostgreSQL (not the embedded one) still have the \
                published demo password, so anyone can sign in as them: %s. Either start once with \
                GRIDWHISTLE_SECURITY_DEMO_PASSWORDS=disable (%s=disable), which disables these accounts and takes \
                their password away (with GRIDWHISTLE_SECURITY_ADMIN_PASSWORD set, the administrator 'admin' gets \
                that password instead), or, for a demonstration on purpose, set GRIDWHISTLE_DEMO_ENABLED=true. \
                See docs/operations.md, "Demo password".""".formatted(found.size(), shown(found), MODE));
    }

    /** Usernames of the accounts whose password is the demo one, in order. */
    List<String> accountsWithTheDemoPassword() {
        String staff = String.join(",", Arrays.stream(DemoAccounts.STAFF).map(s -> "?").toList());
        Object[] names = Arrays.stream(DemoAccounts.STAFF).map(DemoAccounts.Staff::username).toArray();
        record Shared(String hash, List<String> usernames) {
        }
        List<Shared> candidates = jdbc.query("""
                select password_hash, array_agg(username order by username) from account
                 where password_hash <> '!'
                   and (username in (%s) or password_hash in (
                        select password_hash from account group by password_hash having count(*) > 1))
                 group by password_hash""".formatted(staff),
                (rs, n) -> new Shared(rs.getString(1), List.of((String[]) rs.getArray(2).getArray())), names);
        List<String> found = new ArrayList<>();
        for (Shared candidate : candidates) {
            if (isDemo(candidate.hash())) {
                found.addAll(candidate.usernames());
            }
        }
        found.sort(String::compareTo);
        return found;
    }

    private boolean isDemo(String hash) {
        try {
            return encoder.matches(DemoAccounts.PASSWORD, hash);
        } catch (IllegalArgumentException notAHashWeKnow) {
            return false;
        }
    }

    private static String shown(List<String> usernames) {
        String first = String.join(", ", usernames.subList(0, Math.min(NAMES_SHOWN, usernames.size())));
        return usernames.size() > NAMES_SHOWN
                ? first + String.format(Locale.ROOT, " and %d more", usernames.size() - NAMES_SHOWN) : first;
    }
}
