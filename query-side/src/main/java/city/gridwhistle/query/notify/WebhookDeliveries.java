package city.gridwhistle.query.notify;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Hands a new notification to its platform's webhook: a db-scheduler one-time task, written in the same
 * transaction as the notification, so a delivery is never lost or doubled by a crash between the two, survives a
 * restart, and is run by one instance of a cluster.
 */
@Component
public class WebhookDeliveries {

    static final TaskDescriptor<String> TASK = TaskDescriptor.of("rider-notification-webhook", String.class);

    private final SchedulerClient scheduler;
    private final WebhookDeliveryLog log;

    public WebhookDeliveries(SchedulerClient scheduler, WebhookDeliveryLog log) {
        this.scheduler = scheduler;
        this.log = log;
    }

    void schedule(UUID notificationId) {
        log.pending(notificationId);
        scheduler.scheduleIfNotExists(TASK.instance(notificationId.toString()).data(notificationId.toString())
                .scheduledTo(Instant.now()));
    }
}
