package city.gridwhistle.web.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deadlines and other scheduled tasks waiting in db-scheduler's table: {@code gridwhistle.deadlines.pending} (not yet
 * due or not yet picked) and {@code gridwhistle.deadlines.late} (due over a minute ago and still not picked: the
 * scheduler is stopped, starved or cannot reach the database), per task name. Fired deadlines are db-scheduler's own
 * {@code dbscheduler.task.completions{task="AxonDeadline"}}. One query per scrape at most (cached for five seconds);
 * NaN while the table cannot be read.
 */
@Component
class DeadlineGauges implements MeterBinder {

    private static final long FRESH_FOR_NANOS = 5_000_000_000L;
    private static final String[] TASKS = {"AxonDeadline", "AxonScheduledEvent", "rider-notification-webhook"};

    private record Counts(Map<String, long[]> byTask, long readAt) {
    }

    private final JdbcTemplate jdbc;
    private final AtomicReference<Counts> last =
            new AtomicReference<>(new Counts(Map.of(), System.nanoTime() - 2 * FRESH_FOR_NANOS));

    DeadlineGauges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String task : TASKS) {
            Gauge.builder("gridwhistle.deadlines.pending", () -> count(task, 0)).tag("task", task)
                    .description("scheduled tasks waiting to run").baseUnit("tasks").register(registry);
            Gauge.builder("gridwhistle.deadlines.late", () -> count(task, 1)).tag("task", task)
                    .description("scheduled tasks due over a minute ago and not yet picked").baseUnit("tasks")
                    .register(registry);
        }
    }

    private double count(String task, int which) {
        Counts counts = last.get();
        long now = System.nanoTime();
        if (now - counts.readAt() > FRESH_FOR_NANOS) {
            try {
                Map<String, long[]> byTask = new java.util.HashMap<>();
                jdbc.query("""
                        select task_name, count(*),
                               count(*) filter (where execution_time < now() - interval '1 minute')
                          from scheduled_tasks where not picked group by task_name""",
                        rs -> {
                            byTask.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                        });
                counts = new Counts(byTask, now);
            } catch (RuntimeException unreadable) {
                counts = new Counts(null, now);
            }
            last.set(counts);
        }
        if (counts.byTask() == null) {
            return Double.NaN;
        }
        long[] values = counts.byTask().get(task);
        return values == null ? 0 : values[which];
    }
}
