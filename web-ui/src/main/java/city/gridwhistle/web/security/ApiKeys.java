package city.gridwhistle.web.security;

import city.gridwhistle.api.shared.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * API keys of partner systems: {@code gwk_<id>_<secret>}, shown once at creation, stored as SHA-256, revocable.
 * A key acts as the partner {@code partner:<id>}.
 */
@Component
public class ApiKeys {

    /** A key as listed: never the secret. */
    public record Listed(String keyId, String partner, String createdBy, Instant createdAt, Instant revokedAt) {
    }

    /** A key as handed out once, at creation. */
    public record Created(String keyId, String partner, String apiKey) {
    }

    private static final String CHANNEL = "API";

    private final JdbcTemplate jdbc;
    private final RememberedCredentials remembered;

    ApiKeys(JdbcTemplate jdbc, RememberedCredentials remembered) {
        this.jdbc = jdbc;
        this.remembered = remembered;
    }

    public Created create(String partner, String createdBy) {
        String keyId = Secrets.randomHex(8);
        String key = "gwk_" + keyId + "_" + Secrets.random(32);
        jdbc.update("insert into api_key (key_id, key_hash, partner, created_by) values (?, ?, ?, ?)",
                keyId, Secrets.sha256(key), partner, createdBy);
        return new Created(keyId, partner, key);
    }

    /** The partner behind a key that is known and not revoked; while the database is down, one it confirmed recently. */
    public Optional<GridUser> authenticate(String key) {
        String hash = Secrets.sha256(key);
        return remembered.authenticate(hash, () -> jdbc.query(
                        "select key_id from api_key where key_hash = ? and revoked_at is null",
                        (rs, n) -> rs.getString(1), hash)
                .stream().findFirst()
                .map(keyId -> new RememberedCredentials.Checked(
                        new GridUser("apikey:" + keyId, Role.PARTNER, "partner:" + keyId, null, CHANNEL), null)));
    }

    public List<Listed> all() {
        return jdbc.query("select key_id, partner, created_by, created_at, revoked_at from api_key order by created_at",
                (rs, n) -> new Listed(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), instant(rs.getTimestamp(5))));
    }

    public boolean revoke(String keyId) {
        return jdbc.update("update api_key set revoked_at = now() where key_id = ? and revoked_at is null", keyId) == 1;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
