package city.gridwhistle.web.notifications;

import city.gridwhistle.api.notify.FindRiderNotificationsQuery;
import city.gridwhistle.api.notify.MarkNotificationReadCommand;
import city.gridwhistle.api.notify.RiderNotification;
import city.gridwhistle.api.notify.RiderNotifications;
import city.gridwhistle.api.notify.WatchRiderNotificationsQuery;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.web.live.LiveStreams;
import city.gridwhistle.web.problem.InvalidParameterException;
import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The signed-in rider's inbox: every status change of the cases they follow, newest first; the notification that
 * their case was resolved carries the request to confirm the fix ({@code confirmation.verifyPath}).
 * {@code /stream}: first an {@code inbox} event with the newest page, then a {@code notification} event for each
 * new one (streams end after 30 minutes; clients reconnect; counted with the account's other live streams,
 * {@link LiveStreams}).
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final LiveStreams streams;

    NotificationController(QueryGateway queries, CommandGateway commands, LiveStreams streams) {
        this.queries = queries;
        this.commands = commands;
        this.streams = streams;
    }

    @GetMapping
    RiderNotifications inbox(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                             Actor viewer) {
        if (page < 0) {
            throw new InvalidParameterException("page", "the first page is 0");
        }
        if (size < 1 || size > FindRiderNotificationsQuery.MAX_SIZE) {
            throw new InvalidParameterException("size", "between 1 and " + FindRiderNotificationsQuery.MAX_SIZE);
        }
        return queries.query(new FindRiderNotificationsQuery(viewer, page, size), RiderNotifications.class).join();
    }

    @PostMapping("/{notificationId}/read")
    ResponseEntity<?> read(@PathVariable String notificationId, Actor viewer) {
        Boolean marked = commands.sendAndWait(new MarkNotificationReadCommand(notificationId, viewer));
        if (Boolean.TRUE.equals(marked)) {
            return ResponseEntity.noContent().build();
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such notification");
        problem.setType(URI.create("/problems/not-found"));
        problem.setTitle(HttpStatus.NOT_FOUND.getReasonPhrase());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Actor viewer) {
        return streams.open(viewer, () -> queries.subscriptionQuery(
                new WatchRiderNotificationsQuery(viewer), ResponseTypes.instanceOf(RiderNotifications.class),
                ResponseTypes.instanceOf(RiderNotification.class)), "inbox", "notification");
    }
}
