package city.gridwhistle.query.notify;

import city.gridwhistle.api.notify.DeliveryStatus;
import city.gridwhistle.api.notify.RiderNotification;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * One attempt to deliver one notification to the webhook of its rider's platform: a signed JSON POST. A 2xx answer
 * is the receiver's acknowledgement, after which the notification is never sent there again; anything else throws,
 * so that the task retries it later. The notification's id travels as event id and idempotency key, so a receiver
 * can drop the rare repeat (a crash after the receiver's answer, before it was recorded).
 */
@Component
public class WebhookSender {

    private final RiderInbox inbox;
    private final WebhookRegistry webhooks;
    private final WebhookDeliveryLog log;
    private final ObjectMapper json;
    private final NotifyProperties properties;
    private final HttpClient http;

    public WebhookSender(RiderInbox inbox, WebhookRegistry webhooks, WebhookDeliveryLog log, ObjectMapper json,
                         NotifyProperties properties) {
        this.inbox = inbox;
        this.webhooks = webhooks;
        this.log = log;
        this.json = json;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.webhooks().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Thrown when an attempt failed and the delivery should be tried again later. */
    static final class DeliveryFailedException extends RuntimeException {

        DeliveryFailedException(String message, Throwable cause) {
            // an expected outcome, retried later: the message says all, a stack trace would only be noise
            super(message, cause, false, false);
        }
    }

    void deliver(UUID notificationId) {
        if (log.statusOf(notificationId).filter(status -> status != DeliveryStatus.PENDING).isPresent()) {
            return;
        }
        Optional<RiderNotification> found = inbox.find(notificationId);
        if (found.isEmpty()) {
            log.skipped(notificationId, null, "no such notification");
            return;
        }
        RiderNotification notification = found.get();
        WebhookRegistry.Destination destination = webhooks.forRider(notification.riderId());
        String platform = destination.platform();
        Optional<WebhookRegistry.Target> target = destination.webhook();
        if (target.isEmpty()) {
            log.skipped(notificationId, platform, WebhookDeliveries.NO_WEBHOOK);
            return;
        }
        // checked again at each delivery: the name may point elsewhere now than when it was registered
        Optional<String> refused = webhooks.addresses().refusal(target.get().url());
        if (refused.isPresent()) {
            log.skipped(notificationId, platform, "not delivered: " + refused.get());
            return;
        }
        String body = body(platform, notification);
        long now = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target.get().url())
                .timeout(properties.webhooks().timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "GridWhistle-Webhooks/1")
                .header(WebhookSignature.HEADER, WebhookSignature.header(target.get().secret(), now, body))
                .header(WebhookSignature.EVENT_ID_HEADER, notification.id())
                .header(WebhookSignature.IDEMPOTENCY_HEADER, notification.id())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            // what administrators read says no more than this: the kind of failure, never the host's own words,
            // so that the deliveries cannot be used to learn which ports answer where
            String failure = e instanceof java.net.http.HttpTimeoutException ? "timed out"
                    : e instanceof java.net.ConnectException ? "could not connect" : "the connection failed";
            log.attemptFailed(notificationId, platform, null, failure);
            throw new DeliveryFailedException("delivery to " + platform + " failed: " + failure, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.attemptFailed(notificationId, platform, null, "interrupted");
            throw new DeliveryFailedException("delivery to " + platform + " interrupted", e);
        }
        if (status / 100 == 2) {
            log.delivered(notificationId, platform, status);
        } else {
            log.attemptFailed(notificationId, platform, status, "HTTP " + status);
            throw new DeliveryFailedException("delivery to " + platform + " answered HTTP " + status, null);
        }
    }

    /** The payload: the notification as the rider's inbox shows it, and the platform it is for. */
    private String body(String platform, RiderNotification notification) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", notification.id());
        payload.put("type", notification.kind() == city.gridwhistle.api.notify.NotificationKind.VERIFICATION_OVERDUE
                ? "case.verification-overdue" : "case.status-changed");
        payload.put("platform", platform);
        payload.put("notification", notification);
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification is always writable as JSON", e);
        }
    }
}
