package city.gridwhistle.web.security;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down whoever guesses passwords, without ever shutting an account (decision 0048). Failures are counted per
 * address and per name tried, whether an account of that name exists or not, so the answer says nothing about which
 * names are real. A few failures are free; after them, each attempt waits twice as long as the one before, up to
 * the longest wait, and an attempt made while waiting is refused without counting or making the wait longer.
 *
 * <p>An attempt is counted <em>before</em> its password is checked, by one statement that locks the counter's row
 * in PostgreSQL ({@code insert … on conflict do update … where … returning}): guesses sent at the same moment, to
 * one instance or many, are counted one after another, and only the free ones get their password checked. A
 * success then takes the attempt back. All instances share the counters and PostgreSQL's clock.
 */
@Component
public class SignInThrottle {

    /** A quiet name or address is forgotten, now and then, so that guessed names do not pile up. */
    private static final int FORGET_ONE_IN = 64;
    private static final String CLAIM = """
            insert into sign_in_throttle as t (key_hash, failures, blocked_until, last_attempt_at)
            values (?, 1, now() + sign_in_delay(1, ?, ?, ?), now())
            on conflict (key_hash) do update
               set failures = case when t.last_attempt_at < now() - ?::bigint * interval '1 millisecond' then 1
                                   else t.failures + 1 end,
                   blocked_until = now() + sign_in_delay(case when t.last_attempt_at < now() - ?::bigint
                           * interval '1 millisecond' then 1 else t.failures + 1 end, ?, ?, ?),
                   last_attempt_at = now()
             where t.blocked_until <= now()
            returning failures""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SecuritySettings security;
    private final SignInSettings settings;

    SignInThrottle(JdbcTemplate jdbc, TransactionTemplate transactions, SecuritySettings security,
                   SignInSettings settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.security = security;
        this.settings = settings;
    }

    /**
     * Counts an attempt to sign in as {@code username} from {@code address}, before its password is checked.
     *
     * @return empty when the password may be checked; else the seconds to wait, and nothing was counted
     */
    public OptionalLong attempt(String address, String username) {
        if (ThreadLocalRandom.current().nextInt(FORGET_ONE_IN) == 0) {
            forgetQuiet();
        }
        List<Counter> counters = List.of(new Counter(addressKey(address), settings.freeFailuresPerAddress()),
                new Counter(nameKey(username), security.maxFailedLogins()));
        return transactions.execute(status -> {
            long wait = 0;
            for (Counter counter : counters) {
                if (!claim(counter)) {
                    wait = Math.max(wait, secondsToWait(counter.key()));
                }
            }
            if (wait > 0) {
                status.setRollbackOnly();
                return OptionalLong.of(wait);
            }
            return OptionalLong.empty();
        });
    }

    /** The password was right: the name starts afresh, and the address has one failure fewer. */
    public void succeeded(String address, String username) {
        jdbc.update("delete from sign_in_throttle where key_hash = ?", nameKey(username));
        jdbc.update("update sign_in_throttle set failures = greatest(failures - 1, 0) where key_hash = ?",
                addressKey(address));
    }

    /** An administrator gave the account a new password: whoever tried the name before does not slow its owner. */
    public void forgetName(String username) {
        jdbc.update("delete from sign_in_throttle where key_hash = ?", nameKey(username));
    }

    private boolean claim(Counter counter) {
        long first = settings.firstDelay().toMillis();
        long longest = security.lockout().toMillis();
        long forget = settings.forgetAfter().toMillis();
        return !jdbc.queryForList(CLAIM, Integer.class, counter.key(), counter.free(), first, longest, forget, forget,
                counter.free(), first, longest).isEmpty();
    }

    private long secondsToWait(String key) {
        Long seconds = jdbc.queryForObject(
                "select ceil(extract(epoch from blocked_until - now())) from sign_in_throttle where key_hash = ?",
                Long.class, key);
        return Math.max(1, seconds == null ? 1 : seconds);
    }

    private void forgetQuiet() {
        jdbc.update("delete from sign_in_throttle where blocked_until <= now() and last_attempt_at < now() - ?::bigint"
                + " * interval '1 millisecond'", settings.forgetAfter().toMillis());
    }

    private static String addressKey(String address) {
        return Secrets.sha256("address:" + address);
    }

    private static String nameKey(String username) {
        return Secrets.sha256("name:" + username.trim().toLowerCase(Locale.ROOT));
    }

    private record Counter(String key, int free) {
    }
}
