package city.gridwhistle.query.notify;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands a new notification to its platform's webhook: a db-scheduler one-time task, written in the same
 * transaction as the notification, so a delivery is never lost or doubled by a crash between the two, survives a
 * restart, and is run by one instance of a cluster. A rider whose platform has no webhook gets no task: the
 * notification is recorded as skipped at once, which is what the task would have found (one statement instead of a
 * task written, picked, run and deleted, for most notifications; decision 0027).
 */
@Component
public class WebhookDeliveries {

    static final TaskDescriptor<String> TASK = TaskDescriptor.of("rider-notification-webhook", String.class);
    static final String NO_WEBHOOK = "no webhook registered for the rider's platform";

    private final SchedulerClient scheduler;
    private final WebhookDeliveryLog log;
    private final JdbcTemplate jdbc;

    public WebhookDeliveries(SchedulerClient scheduler, WebhookDeliveryLog log, JdbcTemplate jdbc) {
        this.scheduler = scheduler;
        this.log = log;
        this.jdbc = jdbc;
    }

    void schedule(UUID notificationId, String riderId) {
        List<Platform> platform = jdbc.query("""
                select r.platform, exists (select 1 from notify_webhook w where w.platform = r.platform)
                  from notify_rider r where r.rider_id = ?""",
                (rs, n) -> new Platform(rs.getString(1), rs.getBoolean(2)), riderId);
        if (platform.isEmpty() || !platform.getFirst().hasWebhook()) {
            log.skipped(notificationId, platform.isEmpty() ? null : platform.getFirst().name(), NO_WEBHOOK);
            return;
        }
        log.pending(notificationId);
        scheduler.scheduleIfNotExists(TASK.instance(notificationId.toString()).data(notificationId.toString())
                .scheduledTo(Instant.now()));
    }

    private record Platform(String name, boolean hasWebhook) {
    }
}
