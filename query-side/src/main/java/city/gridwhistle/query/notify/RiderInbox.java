package city.gridwhistle.query.notify;

import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.notify.Confirmation;
import city.gridwhistle.api.notify.ConfirmationState;
import city.gridwhistle.api.notify.FindRiderNotificationsQuery;
import city.gridwhistle.api.notify.MarkNotificationReadCommand;
import city.gridwhistle.api.notify.NotificationKind;
import city.gridwhistle.api.notify.RiderNotification;
import city.gridwhistle.api.notify.RiderNotifications;
import city.gridwhistle.api.notify.WatchRiderNotificationsQuery;
import city.gridwhistle.api.shared.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The riders' inboxes: reads them (newest first, paged), and keeps which notifications a rider has read. A read
 * mark is the reader's own state, not a fact about a case, so it lives in the read model and not in the events.
 */
@Component
public class RiderInbox {

    private static final String SELECT = """
            select n.id, n.rider_id, n.case_id, n.kind, n.status, n.due_at, n.photo_hashes, n.confirmation,
                   n.checked_by_role, n.occurred_at, n.read_at, c.category_code, c.category_zh, c.category_en
            from rider_notification n left join notify_case c on c.case_id = n.case_id
            """;

    private final JdbcTemplate jdbc;
    private final NotificationTexts texts;

    public RiderInbox(JdbcTemplate jdbc, NotifyProperties properties) {
        this.jdbc = jdbc;
        this.texts = new NotificationTexts(properties.zone());
    }

    @QueryHandler
    public RiderNotifications handle(FindRiderNotificationsQuery query) {
        int size = Math.clamp(query.size(), 1, FindRiderNotificationsQuery.MAX_SIZE);
        int page = Math.max(query.page(), 0);
        return page(query.viewer().id(), page, size);
    }

    @QueryHandler
    public RiderNotifications handle(WatchRiderNotificationsQuery query) {
        return page(query.viewer().id(), 0, WatchRiderNotificationsQuery.INITIAL_SIZE);
    }

    /** Marks the rider's own notification read; another rider's, or none, is answered false. */
    @CommandHandler
    public boolean handle(MarkNotificationReadCommand command) {
        UUID id = parse(command.notificationId());
        if (id == null || command.actor() == null) {
            return false;
        }
        return jdbc.update("""
                update rider_notification set read_at = coalesce(read_at, now()) where id = ? and rider_id = ?""",
                id, command.actor().id()) == 1;
    }

    RiderNotifications page(String riderId, int page, int size) {
        List<RiderNotification> items = jdbc.query(SELECT
                        + " where n.rider_id = ? order by n.occurred_at desc, n.seq desc limit ? offset ?",
                (rs, n) -> read(rs), riderId, size, (long) page * size);
        Long total = jdbc.queryForObject("select count(*) from rider_notification where rider_id = ?", Long.class,
                riderId);
        Long unread = jdbc.queryForObject(
                "select count(*) from rider_notification where rider_id = ? and read_at is null", Long.class, riderId);
        return new RiderNotifications(items, page, size, total == null ? 0 : total, unread == null ? 0 : unread);
    }

    Optional<RiderNotification> find(UUID id) {
        return jdbc.query(SELECT + " where n.id = ?", (rs, n) -> read(rs), id).stream().findFirst();
    }

    private RiderNotification read(ResultSet rs) throws SQLException {
        String caseId = rs.getString("case_id");
        NotificationKind kind = NotificationKind.valueOf(rs.getString("kind"));
        CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
        Instant dueAt = instant(rs.getTimestamp("due_at"));
        String hashes = rs.getString("photo_hashes");
        List<String> photos = hashes == null || hashes.isEmpty() ? List.of() : Arrays.asList(hashes.split(","));
        ConfirmationState state = rs.getString("confirmation") == null ? null
                : ConfirmationState.valueOf(rs.getString("confirmation"));
        Role checkedBy = rs.getString("checked_by_role") == null ? null : Role.valueOf(rs.getString("checked_by_role"));
        Confirmation confirmation = state == null ? null : new Confirmation(state, state.awaited(),
                state.awaited() ? "/api/cases/" + caseId + "/verify" : null, checkedBy);
        var facts = new NotificationTexts.Facts(caseId, rs.getString("category_zh"), rs.getString("category_en"), kind,
                status, dueAt, photos.size(), state, checkedBy);
        return new RiderNotification(rs.getString("id"), rs.getString("rider_id"), caseId, kind, status,
                rs.getString("category_code"), dueAt, photos, texts.write(facts), confirmation,
                rs.getTimestamp("read_at") != null, instant(rs.getTimestamp("occurred_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static UUID parse(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
