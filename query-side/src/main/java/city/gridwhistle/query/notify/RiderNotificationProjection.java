package city.gridwhistle.query.notify;

import city.gridwhistle.api.casework.CaseAcceptedEvent;
import city.gridwhistle.api.casework.CaseClosedEvent;
import city.gridwhistle.api.casework.CaseDispatchedEvent;
import city.gridwhistle.api.casework.CaseEscalatedEvent;
import city.gridwhistle.api.casework.CaseFollowedEvent;
import city.gridwhistle.api.casework.CaseParkedEvent;
import city.gridwhistle.api.casework.CaseReassignedEvent;
import city.gridwhistle.api.casework.CaseRegisteredEvent;
import city.gridwhistle.api.casework.CaseReopenedEvent;
import city.gridwhistle.api.casework.CaseResolvedEvent;
import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.casework.CaseStepDeadlineSetEvent;
import city.gridwhistle.api.casework.CaseTransferredEvent;
import city.gridwhistle.api.casework.CaseUnparkedEvent;
import city.gridwhistle.api.casework.CaseVerificationFailedEvent;
import city.gridwhistle.api.casework.CaseVerifiedEvent;
import city.gridwhistle.api.casework.CaseVoidedEvent;
import city.gridwhistle.api.casework.DeadlineStep;
import city.gridwhistle.api.casework.ReportAttachedEvent;
import city.gridwhistle.api.intake.ReportFiledEvent;
import city.gridwhistle.api.notify.ConfirmationState;
import city.gridwhistle.api.notify.NotificationKind;
import city.gridwhistle.api.notify.WatchRiderNotificationsQuery;
import city.gridwhistle.api.rider.PersonalDataErasedEvent;
import city.gridwhistle.api.rider.RiderRegisteredEvent;
import city.gridwhistle.api.shared.PhotoRef;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.query.live.InstanceSignals;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns every status change of a case into a notification for each rider who follows it (its reporter and
 * corroborators automatically, others by following), asks the reporting riders to confirm a resolution, and
 * settles that request once anybody has verified. Idempotent: a notification's id is derived from its event's id
 * and its rider, so a redelivered event finds its row. New notifications go live to open inboxes and are handed to
 * the platform webhooks; a replay does neither, since those riders were told long ago.
 */
@Component
@ProcessingGroup(RiderNotificationProjection.GROUP)
public class RiderNotificationProjection {

    static final String SIGNAL = "gw_rider_notification";

    public static final String GROUP = "rider-notifications";

    private static final String BATCH_RESOURCE = RiderNotificationProjection.class.getName() + ".batch";

    private final JdbcTemplate jdbc;
    private final RiderInbox inbox;
    private final WebhookDeliveries deliveries;
    private final QueryUpdateEmitter emitter;
    private final InstanceSignals signals;

    public RiderNotificationProjection(JdbcTemplate jdbc, RiderInbox inbox, WebhookDeliveries deliveries,
                                       QueryUpdateEmitter emitter, InstanceSignals signals) {
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.emitter = emitter;
        this.signals = signals;
        // a rider's live inbox may be open on an instance that does not project notifications (decision 0016)
        signals.on(SIGNAL, ids -> {
            if (!ridersWatchingHere().isEmpty()) {
                InstanceSignals.items(ids).forEach(id -> tellSubscribers(UUID.fromString(id)));
            }
        });
    }

    private void tellSubscribers(UUID id) {
        inbox.find(id).ifPresent(notification -> emitter.emit(WatchRiderNotificationsQuery.class,
                query -> query.viewer().id().equals(notification.riderId()), notification));
    }

    /** The riders whose live inbox is open on this instance: mostly none, and then nothing need be read back. */
    private Set<String> ridersWatchingHere() {
        return emitter.activeSubscriptions().stream().map(Message::getPayload)
                .filter(WatchRiderNotificationsQuery.class::isInstance)
                .map(query -> ((WatchRiderNotificationsQuery) query).viewer().id()).collect(Collectors.toSet());
    }

    @EventHandler
    void on(RiderRegisteredEvent event) {
        jdbc.update("""
                insert into notify_rider (rider_id, platform) values (?, ?)
                on conflict (rider_id) do update set platform = excluded.platform""", event.riderId(), event.platform());
    }

    /**
     * An erased rider leaves every table here: their inbox, its deliveries, the cases they followed, their platform.
     * Later changes of those cases tell them nothing; a delivery still scheduled finds no notification and is
     * recorded as skipped.
     */
    @EventHandler
    void on(PersonalDataErasedEvent event) {
        jdbc.update("""
                delete from notify_webhook_delivery
                 where notification_id in (select id from rider_notification where rider_id = ?)""", event.riderId());
        jdbc.update("delete from rider_notification where rider_id = ?", event.riderId());
        jdbc.update("delete from notify_case_follower where rider_id = ?", event.riderId());
        jdbc.update("delete from notify_rider where rider_id = ?", event.riderId());
    }

    @EventHandler
    void on(ReportFiledEvent event) {
        jdbc.update("""
                insert into notify_case (case_id, category_code) values (?, ?)
                on conflict (case_id) do update set category_code = excluded.category_code""",
                event.caseId(), event.categoryCode());
        if (event.reporterId() != null) {
            jdbc.update("""
                    insert into notify_case_follower (case_id, rider_id, relation) values (?, ?, 'REPORTER')
                    on conflict (case_id, rider_id) do update set relation = 'REPORTER'""",
                    event.caseId(), event.reporterId());
        }
    }

    @EventHandler
    void on(ReportAttachedEvent event) {
        if (event.reporterId() != null) {
            jdbc.update("""
                    insert into notify_case_follower (case_id, rider_id, relation) values (?, ?, 'CORROBORATOR')
                    on conflict (case_id, rider_id) do update set relation = case
                        when notify_case_follower.relation = 'FOLLOWER' then 'CORROBORATOR'
                        else notify_case_follower.relation end""", event.caseId(), event.reporterId());
        }
    }

    @EventHandler
    void on(CaseFollowedEvent event) {
        jdbc.update("""
                insert into notify_case_follower (case_id, rider_id, relation) values (?, ?, 'FOLLOWER')
                on conflict do nothing""", event.caseId(), event.riderId());
    }

    @EventHandler
    void on(CaseRegisteredEvent event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        jdbc.update("""
                insert into notify_case (case_id, category_code, category_zh, category_en) values (?, ?, ?, ?)
                on conflict (case_id) do update set category_code = excluded.category_code,
                    category_zh = excluded.category_zh, category_en = excluded.category_en""",
                event.caseId(), event.rules().code(), event.rules().zh(), event.rules().en());
        tell(event.caseId(), eventId, at, CaseStatus.REGISTERED, List.of(), replay);
    }

    @EventHandler
    void on(CaseDispatchedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        tell(event.caseId(), eventId, at, CaseStatus.DISPATCHED, List.of(), replay);
    }

    @EventHandler
    void on(CaseReassignedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        tell(event.caseId(), eventId, at, CaseStatus.DISPATCHED, List.of(), replay);
    }

    @EventHandler
    void on(CaseAcceptedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        tell(event.caseId(), eventId, at, CaseStatus.IN_PROGRESS, List.of(), replay);
    }

    @EventHandler
    void on(CaseResolvedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        tell(event.caseId(), eventId, at, CaseStatus.RESOLVED, event.photos(), replay);
    }

    @EventHandler
    void on(CaseVerifiedEvent event) {
        settleConfirmations(event.caseId(), event.verifierId(), event.verifierRole());
    }

    @EventHandler
    void on(CaseVerificationFailedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at,
            ReplayStatus replay) {
        settleConfirmations(event.caseId(), event.verifierId(), event.verifierRole());
        tell(event.caseId(), eventId, at, CaseStatus.REWORK, List.of(), replay);
    }

    @EventHandler
    void on(CaseClosedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        tell(event.caseId(), eventId, at, CaseStatus.CLOSED, List.of(), replay);
    }

    @EventHandler
    void on(CaseReopenedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        tell(event.caseId(), eventId, at, CaseStatus.REOPENED, List.of(), replay);
    }

    @EventHandler
    void on(CaseParkedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        tell(event.caseId(), eventId, at, CaseStatus.PARKED, List.of(), replay);
    }

    @EventHandler
    void on(CaseUnparkedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        tell(event.caseId(), eventId, at, event.statusAfter(), List.of(), replay);
    }

    @EventHandler
    void on(CaseTransferredEvent event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        tell(event.caseId(), eventId, at, CaseStatus.REGISTERED, List.of(), replay);
    }

    @EventHandler
    void on(CaseVoidedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        tell(event.caseId(), eventId, at, CaseStatus.VOIDED, List.of(), replay);
    }

    /**
     * The verification limit passed without an answer (督办): the case falls back to a worker's or supervisor's
     * check. The riders asked are told, and their request stays answerable until somebody verifies.
     */
    @EventHandler
    void on(CaseEscalatedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        if (event.step() != DeadlineStep.VERIFY) {
            return;
        }
        jdbc.update("update rider_notification set confirmation = 'OVERDUE' where case_id = ? and confirmation = 'AWAITED'",
                event.caseId());
        List<String> askedRiders = jdbc.queryForList("""
                select rider_id from notify_case_follower where case_id = ? and relation in ('REPORTER', 'CORROBORATOR')""",
                String.class, event.caseId());
        for (String riderId : askedRiders) {
            insert(event.caseId(), eventId, riderId, NotificationKind.VERIFICATION_OVERDUE, CaseStatus.RESOLVED, List.of(),
                    null, at, replay);
        }
    }

    /** A step's clock started with the status change just told: its due time belongs in that notification. */
    @EventHandler
    void on(CaseStepDeadlineSetEvent event) {
        List<String> statuses = switch (event.step()) {
            case DISPATCH -> List.of(CaseStatus.REGISTERED.name(), CaseStatus.REOPENED.name());
            case ACCEPT -> List.of(CaseStatus.DISPATCHED.name());
            case HANDLE -> List.of(CaseStatus.IN_PROGRESS.name(), CaseStatus.REWORK.name());
            case VERIFY -> List.of(CaseStatus.RESOLVED.name());
        };
        jdbc.update("""
                update rider_notification n set due_at = ? where n.case_id = ? and n.kind = 'STATUS_CHANGED'
                  and n.due_at is null and n.status = any (?)
                  and n.seq = (select max(m.seq) from rider_notification m
                               where m.case_id = n.case_id and m.rider_id = n.rider_id and m.kind = 'STATUS_CHANGED')""",
                sqlTime(event.dueAt()), event.caseId(), statuses.toArray(String[]::new));
    }

    private void settleConfirmations(String caseId, String verifierId, Role verifierRole) {
        jdbc.update("""
                update rider_notification set confirmation = case when rider_id = ? then 'ANSWERED' else 'SETTLED' end,
                    checked_by_role = ? where case_id = ? and confirmation in ('AWAITED', 'OVERDUE')""",
                verifierId, verifierRole == null ? null : verifierRole.name(), caseId);
    }

    private void tell(String caseId, String eventId, Instant at, CaseStatus status, List<PhotoRef> photos,
                      ReplayStatus replay) {
        List<Follower> followers = jdbc.query("select rider_id, relation from notify_case_follower where case_id = ?",
                (rs, n) -> new Follower(rs.getString(1), rs.getString(2)), caseId);
        for (Follower follower : followers) {
            ConfirmationState asked = status == CaseStatus.RESOLVED && follower.reported() ? ConfirmationState.AWAITED
                    : null;
            // a case's photos are its reporters' (docs/security.md): a follower hears of the fix without them
            insert(caseId, eventId, follower.riderId(), NotificationKind.STATUS_CHANGED, status,
                    follower.reported() ? photos : List.of(), asked, at, replay);
        }
    }

    private void insert(String caseId, String eventId, String riderId, NotificationKind kind, CaseStatus status,
                        List<PhotoRef> photos, ConfirmationState confirmation, Instant at, ReplayStatus replay) {
        UUID id = idOf(eventId, riderId);
        String hashes = photos == null || photos.isEmpty() ? null
                : photos.stream().map(PhotoRef::sha256).collect(Collectors.joining(","));
        int inserted = jdbc.update("""
                insert into rider_notification (id, event_id, rider_id, case_id, kind, status, photo_hashes,
                    confirmation, occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""", id, eventId, riderId, caseId, kind.name(), status.name(), hashes,
                confirmation == null ? null : confirmation.name(), sqlTime(at));
        if (inserted == 1 && !replay.isReplay()) {
            deliveries.schedule(id, riderId);
            announceBeforeCommit(id, riderId);
        }
    }

    /**
     * A batch's new notifications are announced together as it commits (decision 0030): one signal to the other
     * instances instead of one per notification, and a notification is read back for the live inbox only when its
     * rider has one open here. A batch that rolls back announces nothing.
     */
    private void announceBeforeCommit(UUID id, String riderId) {
        if (!CurrentUnitOfWork.isStarted()) {
            announce(Map.of(id, riderId));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.<Map<UUID, String>>getOrComputeResource(BATCH_RESOURCE, key -> {
            Map<UUID, String> fresh = new LinkedHashMap<>();
            batch.onPrepareCommit(uow -> announce(fresh));
            return fresh;
        }).put(id, riderId);
    }

    private void announce(Map<UUID, String> notifications) {
        Set<String> watching = ridersWatchingHere();
        notifications.forEach((id, riderId) -> {
            if (watching.contains(riderId)) {
                tellSubscribers(id);
            }
        });
        signals.tellAll(SIGNAL, notifications.keySet().stream().map(UUID::toString).toList());
    }

    /** The notification of one event for one rider: the same id however often the event is handled. */
    static UUID idOf(String eventId, String riderId) {
        return UUID.nameUUIDFromBytes((eventId + "/" + riderId).getBytes(StandardCharsets.UTF_8));
    }

    private static java.sql.Timestamp sqlTime(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }

    private record Follower(String riderId, String relation) {

        boolean reported() {
            return relation.equals("REPORTER") || relation.equals("CORROBORATOR");
        }
    }
}
