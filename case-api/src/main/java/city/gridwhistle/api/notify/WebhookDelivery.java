package city.gridwhistle.api.notify;

import java.time.Instant;

/** The record of delivering one notification to a platform's webhook: attempts, last answer, outcome. */
public record WebhookDelivery(String notificationId, String platform, DeliveryStatus status, int attempts,
                              Integer lastHttpStatus, String lastError, Instant lastAttemptAt, Instant deliveredAt) {
}
