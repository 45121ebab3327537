package city.gridwhistle.web.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The table {@code idempotency_key}: a caller's key claimed for one request (its hash), then the answer it got.
 * Each statement commits on its own, so a claim is visible to a concurrent retry at once.
 */
@Component
public class IdempotencyKeys {

    /** How long an answer is replayed. */
    static final Duration RETENTION = Duration.ofHours(24);
    /** A claim never answered after this long belongs to a request that died with its server: it may be retried. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    /** The first answer, or what stands in the way: the key holds another request, or one still in progress. */
    sealed interface Claim {
        record Granted() implements Claim {
        }

        record InProgress() implements Claim {
        }

        record OtherRequest() implements Claim {
        }

        record Answered(StoredResponse response) implements Claim {
        }
    }

    record StoredResponse(int status, String location, String contentType, byte[] body) {
    }

    /** Forgets every key of the caller and the answers kept for them: their account was erased. */
    public void forgetCaller(String username) {
        jdbc.update("delete from idempotency_key where username = ?", username);
    }

    Claim claim(String username, String key, byte[] requestHash) {
        Instant now = clock.instant();
        jdbc.update("delete from idempotency_key where username = ? and idempotency_key = ? and (expires_at < ?"
                        + " or (response_status is null and created_at < ?))",
                username, key, Timestamp.from(now), Timestamp.from(now.minus(ABANDONED_AFTER)));
        int inserted = jdbc.update("insert into idempotency_key (username, idempotency_key, request_hash, created_at,"
                        + " expires_at) values (?, ?, ?, ?, ?) on conflict (username, idempotency_key) do nothing",
                username, key, requestHash, Timestamp.from(now), Timestamp.from(now.plus(RETENTION)));
        if (inserted == 1) {
            return new Claim.Granted();
        }
        List<Claim> existing = jdbc.query("select request_hash, response_status, response_location,"
                        + " response_content_type, response_body from idempotency_key"
                        + " where username = ? and idempotency_key = ?",
                (row, n) -> {
                    if (!Arrays.equals(row.getBytes("request_hash"), requestHash)) {
                        return new Claim.OtherRequest();
                    }
                    int status = row.getInt("response_status");
                    if (row.wasNull()) {
                        return new Claim.InProgress();
                    }
                    return new Claim.Answered(new StoredResponse(status, row.getString("response_location"),
                            row.getString("response_content_type"), row.getBytes("response_body")));
                },
                username, key);
        // gone between the insert and the select (expired and removed): treat as still busy, the client retries
        return existing.stream().findFirst().orElse(new Claim.InProgress());
    }

    void answer(String username, String key, StoredResponse response) {
        jdbc.update("update idempotency_key set response_status = ?, response_location = ?, response_content_type = ?,"
                        + " response_body = ? where username = ? and idempotency_key = ?",
                response.status(), response.location(), response.contentType(), response.body(), username, key);
    }

    /** The request did not succeed, so nothing was created: the same key may be used again. */
    void release(String username, String key) {
        jdbc.update("delete from idempotency_key where username = ? and idempotency_key = ? and response_status is null",
                username, key);
    }

    /** Removes answers past their retention (a replay checks expiry itself; this only keeps the table small). */
    @Scheduled(fixedDelay = 1, timeUnit = TimeUnit.HOURS)
    int purgeExpired() {
        return jdbc.update("delete from idempotency_key where expires_at < ?", Timestamp.from(clock.instant()));
    }
}
