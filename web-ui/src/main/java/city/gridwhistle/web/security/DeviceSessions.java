package city.gridwhistle.web.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A rider's device that stays signed in (decision 0048): a device session holds a refresh token ({@code gwr_…},
 * stored as SHA-256) that buys short bearer tokens, and is replaced at each use, so a copied refresh token works
 * once at most, and then no longer for its owner either (which shows). It counts only while its account is enabled
 * and has the access version it was made under, read from PostgreSQL at each use: disabling, erasing, a role or
 * password change ends it on every instance. Revoking one ends the bearer tokens it bought too.
 */
@Component
public class DeviceSessions {

    /** What a device gets at sign-in and at each refresh; the refresh token is shown this once. */
    public record Issued(String deviceId, String refreshToken, Instant refreshExpiresAt, String accessToken,
                         String tokenType, Instant expiresAt) {

        @Override
        public String toString() {
            return "Issued[" + deviceId + "]";
        }
    }

    /** A device as listed: never a secret. */
    public record Listed(String deviceId, String deviceName, Instant createdAt, Instant lastUsedAt,
                         Instant expiresAt) {
    }

    private final JdbcTemplate jdbc;
    private final AccessTokens tokens;
    private final Accounts accounts;
    private final DeviceSessionSettings settings;

    DeviceSessions(JdbcTemplate jdbc, AccessTokens tokens, Accounts accounts, DeviceSessionSettings settings) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.accounts = accounts;
        this.settings = settings;
    }

    /** A new device session for an account whose password was just checked, under its access version then. */
    @Transactional
    public Issued start(String username, long accessVersion, String deviceName) {
        String deviceId = Secrets.randomHex(8);
        String refresh = "gwr_" + Secrets.random(32);
        Instant expires = accounts.now().plus(settings.ttl());
        jdbc.update("""
                insert into device_session (device_id, token_hash, username, device_name, access_version, expires_at)
                values (?, ?, ?, ?, ?, ?)""", deviceId, Secrets.sha256(refresh), username, deviceName, accessVersion,
                Timestamp.from(expires));
        AccessTokens.Issued access = tokens.issue(username, accessVersion, deviceId);
        return new Issued(deviceId, refresh, expires, access.accessToken(), access.tokenType(), access.expiresAt());
    }

    /**
     * A new refresh token and bearer token for a refresh token that still counts; the one given counts no more.
     * Replaced in one statement, so two refreshes with one token cannot both succeed.
     */
    @Transactional
    public Optional<Issued> refresh(String refreshToken) {
        String next = "gwr_" + Secrets.random(32);
        Timestamp now = Timestamp.from(accounts.now());
        Timestamp expires = Timestamp.from(accounts.now().plus(settings.ttl()));
        record Row(String deviceId, String username, long version) {
        }
        return jdbc.query("""
                update device_session d set token_hash = ?, last_used_at = ?, expires_at = ?
                  from account a
                 where d.token_hash = ? and d.expires_at > ? and a.username = d.username and a.enabled
                   and a.access_version = d.access_version
                returning d.device_id, d.username, d.access_version""",
                        (rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3)),
                        Secrets.sha256(next), now, expires, Secrets.sha256(refreshToken), now)
                .stream().findFirst().map(row -> {
                    AccessTokens.Issued access = tokens.issue(row.username(), row.version(), row.deviceId());
                    return new Issued(row.deviceId(), next, expires.toInstant(), access.accessToken(),
                            access.tokenType(), access.expiresAt());
                });
    }

    /** The account's device sessions that still count, most recently used first. */
    public List<Listed> listOf(String username) {
        return jdbc.query("""
                select d.device_id, d.device_name, d.created_at, d.last_used_at, d.expires_at
                  from device_session d join account a using (username)
                 where d.username = ? and d.expires_at > ? and a.access_version = d.access_version
                 order by d.last_used_at desc, d.device_id""", (rs, n) -> new Listed(rs.getString(1),
                        rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant()),
                username, Timestamp.from(accounts.now()));
    }

    /** Ends one of the account's device sessions and the bearer tokens it bought; false when it has no such one. */
    @Transactional
    public boolean revoke(String username, String deviceId) {
        if (jdbc.update("delete from device_session where username = ? and device_id = ?", username, deviceId) == 0) {
            return false;
        }
        tokens.endDevice(deviceId);
        return true;
    }
}
