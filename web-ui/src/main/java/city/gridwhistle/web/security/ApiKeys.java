package city.gridwhistle.web.security;

import city.gridwhistle.api.shared.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * API keys of partner systems: {@code gwk_<id>_<secret>}, shown once at creation, stored as SHA-256, expiring,
 * revocable. A key acts as the partner {@code partner:<id>}. When a key was last used is written at most once a
 * minute per key and instance, so that a busy partner does not cost a write per request.
 */
@Component
public class ApiKeys {

    /** A key as listed: never the secret. {@code expiresAt} is null for a key made before keys expired. */
    public record Listed(String keyId, String partner, String createdBy, Instant createdAt, Instant revokedAt,
                         Instant expiresAt, Instant lastUsedAt) {

        public boolean expiredAt(Instant now) {
            return expiresAt != null && !expiresAt.isAfter(now);
        }
    }

    /** A key as handed out once, at creation. */
    public record Created(String keyId, String partner, String apiKey, Instant expiresAt) {
    }

    private static final String CHANNEL = "API";
    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);
    private static final int MAX_REMEMBERED_USES = 10_000;

    private final JdbcTemplate jdbc;
    private final RememberedCredentials remembered;
    private final Clock clock;
    private final Map<String, Instant> lastUseWritten = new ConcurrentHashMap<>();

    ApiKeys(JdbcTemplate jdbc, RememberedCredentials remembered, Clock clock) {
        this.jdbc = jdbc;
        this.remembered = remembered;
        this.clock = clock;
    }

    public Created create(String partner, String createdBy, Duration validFor) {
        String keyId = Secrets.randomHex(8);
        String key = "gwk_" + keyId + "_" + Secrets.random(32);
        Instant expires = clock.instant().plus(validFor);
        jdbc.update("insert into api_key (key_id, key_hash, partner, created_by, expires_at) values (?, ?, ?, ?, ?)",
                keyId, Secrets.sha256(key), partner, createdBy, Timestamp.from(expires));
        return new Created(keyId, partner, key, expires);
    }

    /**
     * The partner behind a key that is known, not revoked and not expired; while the database is down, one it
     * confirmed recently.
     */
    public Optional<GridUser> authenticate(String key) {
        return checked(key).map(RememberedCredentials.Checked::user);
    }

    Optional<RememberedCredentials.Checked> checked(String key) {
        String hash = Secrets.sha256(key);
        Optional<RememberedCredentials.Checked> checked = remembered.authenticate(hash, () -> jdbc.query(
                        "select key_id, expires_at from api_key where key_hash = ? and revoked_at is null"
                                + " and (expires_at is null or expires_at > ?)",
                        (rs, n) -> new RememberedCredentials.Checked(new GridUser("apikey:" + rs.getString(1),
                                Role.PARTNER, "partner:" + rs.getString(1), null, CHANNEL),
                                instant(rs.getTimestamp(2)), false), hash, Timestamp.from(clock.instant()))
                .stream().findFirst());
        checked.ifPresent(this::used);
        return checked;
    }

    private void used(RememberedCredentials.Checked checked) {
        String keyId = checked.user().username().substring("apikey:".length());
        Instant now = clock.instant();
        Instant written = lastUseWritten.get(keyId);
        if (written != null && written.plus(LAST_USE_PRECISION).isAfter(now)) {
            return;
        }
        if (lastUseWritten.size() >= MAX_REMEMBERED_USES) {
            lastUseWritten.clear();
        }
        lastUseWritten.put(keyId, now);
        try {
            jdbc.update("update api_key set last_used_at = ? where key_id = ?", Timestamp.from(now), keyId);
        } catch (RuntimeException databaseDown) {
            // a key honoured from memory during an outage: its last use is written next time
            lastUseWritten.remove(keyId);
        }
    }

    public List<Listed> all() {
        return jdbc.query("""
                select key_id, partner, created_by, created_at, revoked_at, expires_at, last_used_at
                  from api_key order by created_at""",
                (rs, n) -> new Listed(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)),
                        instant(rs.getTimestamp(7))));
    }

    public boolean revoke(String keyId) {
        return jdbc.update("update api_key set revoked_at = now() where key_id = ? and revoked_at is null", keyId) == 1;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
