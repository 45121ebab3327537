package city.gridwhistle.web.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens for apps and API clients: random, stored as SHA-256, expiring, revocable. A token carries the
 * access version its account had when it was issued, and counts for nothing once the account's version moved on
 * (a password changed or reset, a role, identity or district changed, the account disabled): every request reads
 * the token with its account, on whichever instance it lands.
 */
@Component
public class AccessTokens {

    /** A token as handed out once. */
    public record Issued(String accessToken, String tokenType, Instant expiresAt) {
    }

    /**
     * A token as its owner lists it: never the secret.
     *
     * @param tokenId the first 16 hex digits of its SHA-256, enough to name it, useless to sign in with
     * @param current whether it is the token of the listing call itself
     */
    public record Listed(String tokenId, Instant createdAt, Instant expiresAt, boolean current) {
    }

    private static final String CHANNEL = "APP";
    private static final int ID_LENGTH = 16;

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

    /** A new token for the account, bound to the access version it had when its password was checked. */
    public Issued issue(String username, long accessVersion) {
        return issue(username, accessVersion, null);
    }

    /** A new token bought by a device session ({@link DeviceSessions}), which ends with it. */
    Issued issue(String username, long accessVersion, String deviceId) {
        String token = "gwt_" + Secrets.random(32);
        Instant expires = accounts.now().plus(settings.tokenTtl());
        jdbc.update("""
                insert into access_token (token_hash, username, expires_at, access_version, device_id)
                values (?, ?, ?, ?, ?)""", Secrets.sha256(token), username, Timestamp.from(expires), accessVersion,
                deviceId);
        return new Issued(token, "Bearer", expires);
    }

    /** Ends the bearer tokens a device session bought, here and in the memory kept for outages. */
    void endDevice(String deviceId) {
        jdbc.queryForList("delete from access_token where device_id = ? returning token_hash", String.class, deviceId)
                .forEach(remembered::forget);
    }

    /**
     * The caller behind a token that is known, not revoked, not expired, of an enabled account whose access version
     * it carries; while the database is down, a token it confirmed recently (decision 0018).
     */
    public Optional<GridUser> authenticate(String token) {
        return checked(token).map(RememberedCredentials.Checked::user);
    }

    Optional<RememberedCredentials.Checked> checked(String token) {
        String hash = Secrets.sha256(token);
        return remembered.authenticate(hash, () -> check(hash));
    }

    private Optional<RememberedCredentials.Checked> check(String hash) {
        Timestamp now = Timestamp.from(accounts.now());
        return jdbc.query("""
                select a.*, t.expires_at as token_expires_at from access_token t join account a using (username)
                 where t.token_hash = ? and not t.revoked and t.expires_at > ? and a.enabled
                   and t.access_version = a.access_version""", (rs, n) -> {
                    Account account = Accounts.account(rs, n);
                    return new RememberedCredentials.Checked(account.user(CHANNEL),
                            rs.getTimestamp("token_expires_at").toInstant(), account.mustChangePassword());
                }, hash, now).stream().findFirst();
    }

    /** The account's tokens that still work, oldest first; {@code currentHash} marks the caller's own. */
    public List<Listed> listOf(String username, String currentHash) {
        return jdbc.query("""
                select t.token_hash, t.created_at, t.expires_at from access_token t join account a using (username)
                 where t.username = ? and not t.revoked and t.expires_at > ? and t.access_version = a.access_version
                 order by t.created_at, t.token_hash""", (rs, n) -> new Listed(
                        rs.getString(1).substring(0, ID_LENGTH), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant(), rs.getString(1).equals(currentHash)),
                username, Timestamp.from(accounts.now()));
    }

    /** Revokes one of the account's own tokens by its id; false when the account has no such token. */
    public boolean revokeOwn(String username, String tokenId) {
        if (tokenId.length() != ID_LENGTH || !tokenId.matches("[0-9a-f]+")) {
            return false;
        }
        List<String> hashes = jdbc.queryForList(
                "update access_token set revoked = true where username = ? and left(token_hash, ?) = ? and not revoked"
                        + " returning token_hash", String.class, username, ID_LENGTH, tokenId);
        hashes.forEach(remembered::forget);
        return !hashes.isEmpty();
    }

    /**
     * Ends every token of the account at once, here and in the memory kept for outages, but the one whose hash is
     * given (the caller's own, when it changed its password), which moves on to {@code accessVersion}. The rows
     * go, so that the account name they name can go too. Other instances remember a token only while the database
     * is down.
     */
    public void endAllOfBut(String username, String keptHash, long accessVersion) {
        jdbc.queryForList("select token_hash from access_token where username = ?", String.class, username)
                .stream().filter(hash -> !hash.equals(keptHash)).forEach(remembered::forget);
        jdbc.update("delete from access_token where username = ? and token_hash is distinct from ?", username,
                keptHash);
        jdbc.update("update access_token set access_version = ? where token_hash = ?", accessVersion, keptHash);
        // device sessions count no more once the version moved; the rows go so the account name can go too
        jdbc.update("delete from device_session where username = ?", username);
    }

    /** Ends every token of the account at once (see {@link #endAllOfBut}). */
    public void endAllOf(String username) {
        endAllOfBut(username, null, 0);
    }

    public void revoke(String token) {
        remembered.forget(Secrets.sha256(token));
        jdbc.update("update access_token set revoked = true where token_hash = ?", Secrets.sha256(token));
    }
}
