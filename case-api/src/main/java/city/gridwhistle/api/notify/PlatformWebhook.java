package city.gridwhistle.api.notify;

import java.time.Instant;

/** A partner platform's webhook, without its secret. */
public record PlatformWebhook(String webhookId, String platform, String url, Instant createdAt, String createdBy) {
}
