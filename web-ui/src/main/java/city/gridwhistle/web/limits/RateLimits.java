package city.gridwhistle.web.limits;

import city.gridwhistle.web.reports.RateLimitedException;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Request rates counted in PostgreSQL ({@code rate_limit_window}), so that every instance counts against one limit:
 * n instances no longer allow n times it. Each call adds a hit to its subject's fixed window in one upsert, which
 * also reads the window before; the two make a sliding window (the previous one weighs in by the part of it the
 * sliding window still covers). A refused call counts too: hammering keeps the caller out. Should PostgreSQL not
 * answer, the instance counts alone ({@link SlidingWindowLimit}) until it does. Windows older than a day are
 * deleted hourly.
 */
@Configuration
public class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, SlidingWindowLimit> local = new ConcurrentHashMap<>();

    public RateLimits(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A limit of {@code limit} calls per subject in any sliding {@code window}; 0 lets every call through. */
    public Limit limit(String scope, int limit, Duration window, String what) {
        return new Limit(scope, limit, window, what);
    }

    /** One named limit. */
    public final class Limit {

        private final String scope;
        private final int limit;
        private final Duration window;
        private final String what;

        private Limit(String scope, int limit, Duration window, String what) {
            this.scope = scope;
            this.limit = limit;
            this.window = window;
            this.what = what;
        }

        /** Counts one call of the subject, or throws {@link RateLimitedException} saying how long to wait. */
        public void acquire(String subject) {
            if (limit == 0) {
                return;
            }
            long now = clock.millis();
            long length = window.toMillis();
            long start = now / length * length;
            int[] hits;
            try {
                hits = jdbc.queryForObject("""
                        insert into rate_limit_window (scope, subject, window_start, hits) values (?, ?, ?, 1)
                        on conflict (scope, subject, window_start) do update set hits = rate_limit_window.hits + 1
                        returning hits, coalesce((select p.hits from rate_limit_window p
                            where p.scope = ? and p.subject = ? and p.window_start = ?), 0)""",
                        (rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)},
                        scope, subject, start, scope, subject, start - length);
            } catch (DataAccessException unavailable) {
                log.warn("Rate limit {} counted on this instance alone: {}", scope, unavailable.toString());
                local.computeIfAbsent(scope, s -> new SlidingWindowLimit(limit, window, clock, what)).acquire(subject);
                return;
            }
            double stillCovered = 1.0 - (double) (now - start) / length;
            if (hits[0] + hits[1] * stillCovered > limit) {
                long wait = Math.max(1, (start + length - now + 999) / 1000);
                throw new RateLimitedException(wait, "at most " + limit + " " + what + " per "
                        + SlidingWindowLimit.describe(window));
            }
        }
    }

    @Bean
    RecurringTask<Void> rateLimitCleanupTask() {
        return Tasks.recurring("rate-limit-cleanup", FixedDelay.of(Duration.ofHours(1))).execute((instance, context) ->
                jdbc.update("delete from rate_limit_window where window_start < ?",
                        clock.millis() - Duration.ofDays(1).toMillis()));
    }
}
