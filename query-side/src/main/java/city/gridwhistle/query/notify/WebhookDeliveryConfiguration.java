package city.gridwhistle.query.notify;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delivery task (db-scheduler picks up every {@link Task} bean): a failed attempt is retried after
 * {@code first-retry}, then each wait {@code backoff-rate} times longer; after {@code max-attempts} the delivery is
 * given up and recorded as failed.
 */
@Configuration
class WebhookDeliveryConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveryConfiguration.class);

    @Bean
    Task<String> riderNotificationWebhookTask(WebhookSender sender, WebhookDeliveryLog log, NotifyProperties properties) {
        NotifyProperties.Webhooks retries = properties.webhooks();
        FailureHandler<String> backoff = new FailureHandler.ExponentialBackoffFailureHandler<>(retries.firstRetry(),
                retries.backoffRate());
        FailureHandler<String> giveUpAfterMaxAttempts = new FailureHandler.MaxRetriesFailureHandler<>(
                Math.max(retries.maxAttempts() - 1, 0), backoff, (complete, operations) -> {
                    String id = complete.getExecution().taskInstance.getId();
                    LOG.warn("Gave up delivering notification {} after {} attempts", id, retries.maxAttempts());
                    log.gaveUp(UUID.fromString(id));
                    operations.stop();
                });
        return Tasks.oneTime(WebhookDeliveries.TASK)
                .onFailure(giveUpAfterMaxAttempts)
                .execute((instance, context) -> sender.deliver(UUID.fromString(instance.getData())));
    }
}
