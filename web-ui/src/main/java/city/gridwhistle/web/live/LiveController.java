package city.gridwhistle.web.live;

import city.gridwhistle.api.casework.CaseSearchResult;
import city.gridwhistle.api.casework.CaseView;
import city.gridwhistle.api.casework.WatchCasesQuery;
import city.gridwhistle.api.dashboard.WatchDashboardQuery;
import city.gridwhistle.api.shared.Actor;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events. {@code /api/stream/cases}: first an {@code inbox} event with the caller's open cases, then
 * a {@code case} event for every change to a case the caller may see. {@code /api/stream/dashboard}: a
 * {@code changed} event whenever figures of the caller's area changed. Streams end after 30 minutes; clients
 * reconnect.
 */
@RestController
@RequestMapping("/api/stream")
class LiveController {

    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

    private final QueryGateway queries;

    LiveController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping(path = "/cases", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter cases(Actor viewer) {
        SubscriptionQueryResult<CaseSearchResult, CaseView> subscription = queries.subscriptionQuery(
                new WatchCasesQuery(viewer), ResponseTypes.instanceOf(CaseSearchResult.class),
                ResponseTypes.instanceOf(CaseView.class));
        return stream(subscription, "inbox", "case");
    }

    @GetMapping(path = "/dashboard", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter dashboard(Actor viewer) {
        SubscriptionQueryResult<Instant, WatchDashboardQuery.DashboardChanged> subscription = queries.subscriptionQuery(
                new WatchDashboardQuery(viewer), ResponseTypes.instanceOf(Instant.class),
                ResponseTypes.instanceOf(WatchDashboardQuery.DashboardChanged.class));
        return stream(subscription, "connected", "changed");
    }

    private static <I, U> SseEmitter stream(SubscriptionQueryResult<I, U> subscription, String initialEvent,
                                            String updateEvent) {
        SseEmitter sse = new SseEmitter(STREAM_LIFETIME.toMillis());
        sse.onCompletion(subscription::cancel);
        sse.onTimeout(subscription::cancel);
        sse.onError(error -> subscription.cancel());
        subscription.initialResult().subscribe(
                initial -> send(sse, subscription, initialEvent, initial),
                sse::completeWithError,
                () -> subscription.updates().subscribe(
                        update -> send(sse, subscription, updateEvent, update),
                        sse::completeWithError));
        return sse;
    }

    private static void send(SseEmitter sse, SubscriptionQueryResult<?, ?> subscription, String name, Object data) {
        try {
            sse.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            subscription.cancel();
        }
    }
}
