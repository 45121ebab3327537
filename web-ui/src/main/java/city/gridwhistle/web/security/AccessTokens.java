package city.gridwhistle.web.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Bearer tokens for apps and API clients: random, stored as SHA-256, expiring, revocable. */
@Component
public class AccessTokens {

    /** A token as handed out once. */
    public record Issued(String accessToken, String tokenType, Instant expiresAt) {
    }

    private static final String CHANNEL = "APP";

    private final JdbcTemplate jdbc;
    private final Accounts accounts;
    private final SecuritySettings settings;
    private final RememberedCredentials remembered;

    AccessTokens(JdbcTemplate jdbc, Accounts accounts, SecuritySettings settings, RememberedCredentials remembered) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.settings = settings;
        this.remembered = remembered;
    }

    public Issued issue(String username) {
        String token = "gwt_" + Secrets.random(32);
        Instant expires = accounts.now().plus(settings.tokenTtl());
        jdbc.update("insert into access_token (token_hash, username, expires_at) values (?, ?, ?)",
                Secrets.sha256(token), username, Timestamp.from(expires));
        return new Issued(token, "Bearer", expires);
    }

    /**
     * The caller behind a token that is known, not revoked, not expired, of an enabled and unlocked account; while
     * the database is down, a token it confirmed recently (decision 0018).
     */
    public Optional<GridUser> authenticate(String token) {
        String hash = Secrets.sha256(token);
        return remembered.authenticate(hash, () -> check(hash));
    }

    private Optional<RememberedCredentials.Checked> check(String hash) {
        Instant now = accounts.now();
        record Row(String username, Instant expiresAt) {
        }
        return jdbc.query("select username, expires_at, revoked from access_token where token_hash = ?",
                        (rs, n) -> rs.getBoolean(3) || !rs.getTimestamp(2).toInstant().isAfter(now)
                                ? null : new Row(rs.getString(1), rs.getTimestamp(2).toInstant()), hash)
                .stream().filter(java.util.Objects::nonNull).findFirst()
                .flatMap(row -> accounts.find(row.username())
                        .filter(account -> account.enabled() && !account.lockedAt(now))
                        .map(account -> new RememberedCredentials.Checked(account.user(CHANNEL), row.expiresAt())));
    }

    /**
     * Ends every token of the account at once, here and in the memory kept for outages; the rows go, so that the
     * account name they name can go too. Other instances remember a token only while the database is down.
     */
    public void endAllOf(String username) {
        jdbc.queryForList("select token_hash from access_token where username = ?", String.class, username)
                .forEach(remembered::forget);
        jdbc.update("delete from access_token where username = ?", username);
    }

    public void revoke(String token) {
        remembered.forget(Secrets.sha256(token));
        jdbc.update("update access_token set revoked = true where token_hash = ?", Secrets.sha256(token));
    }
}
