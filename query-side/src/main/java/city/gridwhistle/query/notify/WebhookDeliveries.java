package city.gridwhistle.query.notify;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import java.time.Instant;
import java.util.UUID;
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
    private final WebhookRegistry webhooks;

    public WebhookDeliveries(SchedulerClient scheduler, WebhookDeliveryLog log, WebhookRegistry webhooks) {
        this.scheduler = scheduler;
        this.log = log;
        this.webhooks = webhooks;
    }

    void schedule(UUID notificationId, String riderId) {
        WebhookRegistry.Destination destination = webhooks.forRider(riderId);
        if (destination.webhook().isEmpty()) {
            log.skipped(notificationId, destination.platform(), NO_WEBHOOK);
            return;
        }
        log.pending(notificationId);
        scheduler.scheduleIfNotExists(TASK.instance(notificationId.toString()).data(notificationId.toString())
                .scheduledTo(Instant.now()));
    }
}
