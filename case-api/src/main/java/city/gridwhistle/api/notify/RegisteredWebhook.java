package city.gridwhistle.api.notify;

import java.time.Instant;

/** A webhook just registered, with the shared secret its deliveries are signed with: shown once, never again. */
public record RegisteredWebhook(String webhookId, String platform, String url, String secret, Instant createdAt) {
}
