package city.gridwhistle.query.rider;

import city.gridwhistle.api.rider.FindRiderPointsQuery;
import city.gridwhistle.api.rider.PointsAwardedEvent;
import city.gridwhistle.api.rider.RiderPoints;
import city.gridwhistle.api.rider.RiderRegisteredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * A rider's ledger is their own event stream, so it is read from the event store: always exact, and a rider has
 * few entries. Empty when no such rider is registered.
 */
@Component
public class RiderPointsQueries {

    private final EventStore eventStore;

    public RiderPointsQueries(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    public Optional<RiderPoints> handle(FindRiderPointsQuery query) {
        // from the first event, never from a snapshot: a ledger lists every award
        DomainEventStream stream = eventStore.readEvents(query.riderId(), 0);
        boolean registered = false;
        int balance = 0;
        List<RiderPoints.Entry> entries = new ArrayList<>();
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof RiderRegisteredEvent) {
                registered = true;
            } else if (payload instanceof PointsAwardedEvent awarded) {
                balance = awarded.balance();
                entries.add(new RiderPoints.Entry(awarded.caseId(), awarded.points(), awarded.reason(),
                        awarded.balance(), awarded.at()));
            }
        }
        return registered ? Optional.of(new RiderPoints(query.riderId(), balance, entries)) : Optional.empty();
    }
}
