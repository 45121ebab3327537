package city.gridwhistle.query.workers;

import city.gridwhistle.api.grid.FindWorkerDutyQuery;
import city.gridwhistle.api.grid.GridWorkerEnrolledEvent;
import city.gridwhistle.api.grid.GridWorkerWentOffDutyEvent;
import city.gridwhistle.api.grid.GridWorkerWentOnDutyEvent;
import city.gridwhistle.api.grid.WorkerDuty;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * A worker's duty folded from their own stream in the event store: exact at once (the worker's page shows the
 * switch they just flipped), and a worker's stream is short (enrolment, then a few duty changes a day), so no
 * table of its own is needed.
 */
@Component
public class WorkerDutyQueries {

    private final EventStore eventStore;

    public WorkerDutyQueries(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    public WorkerDuty handle(FindWorkerDutyQuery query) {
        boolean[] known = {false};
        boolean[] onDuty = {false};
        java.time.Instant[] since = {null};
        // from the first event, never from a snapshot, which would stand in for the enrolment
        eventStore.readEvents(query.workerId(), 0).asStream().forEach(message -> {
            switch (message.getPayload()) {
                case GridWorkerEnrolledEvent enrolled -> known[0] = true;
                case GridWorkerWentOnDutyEvent on -> {
                    onDuty[0] = true;
                    since[0] = on.at();
                }
                case GridWorkerWentOffDutyEvent off -> {
                    onDuty[0] = false;
                    since[0] = off.at();
                }
                default -> {
                }
            }
        });
        return new WorkerDuty(query.workerId(), known[0], onDuty[0], since[0]);
    }
}
