package city.gridwhistle.query.notify;

import city.gridwhistle.api.notify.DeliveryStatus;
import city.gridwhistle.api.notify.FindWebhookDeliveriesQuery;
import city.gridwhistle.api.notify.WebhookDeliveries;
import city.gridwhistle.api.notify.WebhookDelivery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The record of every notification's delivery to its platform: each attempt, the last answer, the outcome. */
@Component
public class WebhookDeliveryLog {

    private static final int MAX_ERROR_LENGTH = 500;

    private final JdbcTemplate jdbc;

    public WebhookDeliveryLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void pending(UUID notificationId) {
        jdbc.update("insert into notify_webhook_delivery (notification_id, status) values (?, 'PENDING') on conflict do nothing",
                notificationId);
    }

    Optional<DeliveryStatus> statusOf(UUID notificationId) {
        return jdbc.queryForList("select status from notify_webhook_delivery where notification_id = ?", String.class,
                notificationId).stream().findFirst().map(DeliveryStatus::valueOf);
    }

    void skipped(UUID notificationId, String platform, String reason) {
        upsert(notificationId, platform, DeliveryStatus.SKIPPED, null, reason, false);
    }

    void delivered(UUID notificationId, String platform, int httpStatus) {
        upsert(notificationId, platform, DeliveryStatus.DELIVERED, httpStatus, null, true);
    }

    void attemptFailed(UUID notificationId, String platform, Integer httpStatus, String error) {
        upsert(notificationId, platform, DeliveryStatus.PENDING, httpStatus, error, true);
    }

    void gaveUp(UUID notificationId) {
        jdbc.update("update notify_webhook_delivery set status = 'FAILED' where notification_id = ? and status = 'PENDING'",
                notificationId);
    }

    private void upsert(UUID notificationId, String platform, DeliveryStatus status, Integer httpStatus, String error,
                        boolean attempted) {
        String shortError = error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
        jdbc.update("""
                insert into notify_webhook_delivery (notification_id, platform, status, attempts, last_http_status,
                    last_error, last_attempt_at, delivered_at)
                values (?, ?, ?, ?, ?, ?, case when ? then now() end, case when ? = 'DELIVERED' then now() end)
                on conflict (notification_id) do update set platform = excluded.platform, status = excluded.status,
                    attempts = notify_webhook_delivery.attempts + excluded.attempts,
                    last_http_status = excluded.last_http_status, last_error = excluded.last_error,
                    last_attempt_at = coalesce(excluded.last_attempt_at, notify_webhook_delivery.last_attempt_at),
                    delivered_at = excluded.delivered_at""",
                notificationId, platform, status.name(), attempted ? 1 : 0, httpStatus, shortError, attempted,
                status.name());
    }

    @QueryHandler
    public WebhookDeliveries handle(FindWebhookDeliveriesQuery query) {
        int limit = Math.clamp(query.limit(), 1, FindWebhookDeliveriesQuery.MAX_LIMIT);
        List<WebhookDelivery> deliveries = query.platform() == null
                ? jdbc.query("select * from notify_webhook_delivery order by created_at desc limit ?",
                        (rs, n) -> read(rs), limit)
                : jdbc.query("select * from notify_webhook_delivery where platform = ? order by created_at desc limit ?",
                        (rs, n) -> read(rs), query.platform(), limit);
        return new WebhookDeliveries(deliveries);
    }

    private static WebhookDelivery read(ResultSet rs) throws SQLException {
        Timestamp last = rs.getTimestamp("last_attempt_at");
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new WebhookDelivery(rs.getString("notification_id"), rs.getString("platform"),
                DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                (Integer) rs.getObject("last_http_status"), rs.getString("last_error"),
                last == null ? null : last.toInstant(), delivered == null ? null : delivered.toInstant());
    }
}
