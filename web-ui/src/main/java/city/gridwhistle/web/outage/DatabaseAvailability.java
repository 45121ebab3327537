package city.gridwhistle.web.outage;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Whether PostgreSQL is known to be down. Marked down by the first request that finds it unreachable; while down,
 * writes are refused at once (503) instead of each waiting for the connection pool's timeout, and a probe tries a
 * connection every {@code gridwhistle.outage.probe-interval} until one succeeds. The connection pool reconnects on
 * its own; this only decides whether a request is worth the wait.
 */
@Component
public class DatabaseAvailability implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);

    private final DataSource dataSource;
    private final OutageProperties settings;
    private final AtomicReference<Instant> downSince = new AtomicReference<>();

    public DatabaseAvailability(DataSource dataSource, OutageProperties settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    public boolean isDown() {
        return downSince.get() != null;
    }

    public void failed(Throwable failure) {
        if (downSince.compareAndSet(null, Instant.now())) {
            log.warn("PostgreSQL is unreachable; writes are answered 503 until it returns ({})", rootMessage(failure));
        }
    }

    /** {@code gridwhistle.database.down}: 1 while PostgreSQL is known to be down, else 0. */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("gridwhistle.database.down", () -> isDown() ? 1 : 0)
                .description("1 while PostgreSQL is known to be unreachable and writes are refused").register(registry);
    }

    public Duration retryAfter() {
        return settings.retryAfter();
    }

    @Scheduled(fixedDelayString = "${gridwhistle.outage.probe-interval:2s}")
    void probe() {
        Instant since = downSince.get();
        if (since == null) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(2)) {
                downSince.set(null);
                log.warn("PostgreSQL is back after {}", Duration.between(since, Instant.now()));
            }
        } catch (Exception stillDown) {
            log.debug("PostgreSQL still unreachable: {}", stillDown.getMessage());
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
