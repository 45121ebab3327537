package city.gridwhistle.web.live;

import city.gridwhistle.api.casework.CaseSearchResult;
import city.gridwhistle.api.casework.CaseView;
import city.gridwhistle.api.casework.WatchCasesQuery;
import city.gridwhistle.api.dashboard.WatchDashboardQuery;
import city.gridwhistle.api.shared.Actor;
import java.time.Instant;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events. {@code /api/stream/cases}: first an {@code inbox} event with the caller's open cases, then
 * a {@code case} event for every change to a case the caller may see. {@code /api/stream/dashboard}: a
 * {@code changed} event whenever figures of the caller's area changed. Streams end after 30 minutes; clients
 * reconnect; they also end when the application stops ({@link LiveStreams}). An account may hold a few at once,
 * an instance a bounded number in all (429 and 503 beyond, with {@code Retry-After}).
 */
@RestController
@RequestMapping("/api/stream")
class LiveController {

    private final QueryGateway queries;
    private final LiveStreams streams;

    LiveController(QueryGateway queries, LiveStreams streams) {
        this.queries = queries;
        this.streams = streams;
    }

    @GetMapping(path = "/cases", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter cases(Actor viewer) {
        return streams.open(viewer, () -> queries.subscriptionQuery(
                new WatchCasesQuery(viewer), ResponseTypes.instanceOf(CaseSearchResult.class),
                ResponseTypes.instanceOf(CaseView.class)), "inbox", "case");
    }

    @GetMapping(path = "/dashboard", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter dashboard(Actor viewer) {
        return streams.open(viewer, () -> queries.subscriptionQuery(
                new WatchDashboardQuery(viewer), ResponseTypes.instanceOf(Instant.class),
                ResponseTypes.instanceOf(WatchDashboardQuery.DashboardChanged.class)), "connected", "changed");
    }
}
