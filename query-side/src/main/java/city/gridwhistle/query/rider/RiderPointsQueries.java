package city.gridwhistle.query.rider;

import city.gridwhistle.api.rider.FindRiderPointsQuery;
import city.gridwhistle.api.rider.PointsAwardedEvent;
import city.gridwhistle.api.rider.RiderPoints;
import city.gridwhistle.api.rider.RiderRegisteredEvent;
import city.gridwhistle.api.shared.Actor;
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
        String district = null;
        boolean registered = false;
        int balance = 0;
        List<RiderPoints.Entry> entries = new ArrayList<>();
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof RiderRegisteredEvent rider) {
                registered = true;
                district = rider.districtCode();
            } else if (payload instanceof PointsAwardedEvent awarded) {
                balance = awarded.balance();
                entries.add(new RiderPoints.Entry(awarded.caseId(), awarded.points(), awarded.reason(),
                        awarded.balance(), awarded.at()));
            }
        }
        return registered && mayRead(query.viewer(), query.riderId(), district)
                ? Optional.of(new RiderPoints(query.riderId(), balance, entries)) : Optional.empty();
    }

    /** A ledger is personal: its rider, a supervisor of the rider's district, or an administrator reads it. */
    private static boolean mayRead(Actor viewer, String riderId, String district) {
        return viewer != null && switch (viewer.role()) {
            case RIDER -> viewer.id().equals(riderId);
            case SUPERVISOR -> viewer.covers(district);
            case ADMIN, SYSTEM -> true;
            case GRID_WORKER, PARTNER -> false;
        };
    }
}
