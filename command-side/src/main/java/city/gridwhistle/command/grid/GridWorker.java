package city.gridwhistle.command.grid;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import city.gridwhistle.api.grid.EndDutyCommand;
import city.gridwhistle.api.grid.EnrollGridWorkerCommand;
import city.gridwhistle.api.grid.GridWorkerEnrolledEvent;
import city.gridwhistle.api.grid.GridWorkerWentOffDutyEvent;
import city.gridwhistle.api.grid.GridWorkerWentOnDutyEvent;
import city.gridwhistle.api.grid.StartDutyCommand;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.NotPermittedException;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.api.shared.CommandRejectedException.Reason;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A grid worker (网格员) with the cells they answer for, on or off duty. */
@Aggregate
public class GridWorker {

    @AggregateIdentifier
    private String workerId;
    private boolean onDuty;

    protected GridWorker() {
        // for Axon
    }

    @CommandHandler
    public GridWorker(EnrollGridWorkerCommand command) {
        if (command.cellCodes().isEmpty()) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "cellCodes",
                    "a grid worker answers for at least one cell");
        }
        apply(new GridWorkerEnrolledEvent(command.workerId(), command.displayName(), command.cellCodes()));
    }

    /** Going on duty twice is not an error: the worker simply is on duty, and nothing new is recorded. */
    @CommandHandler
    void handle(StartDutyCommand command, Clock clock) {
        requireSelfOrSupervisor(command.actor());
        if (!onDuty) {
            apply(new GridWorkerWentOnDutyEvent(workerId, clock.instant()));
        }
    }

    @CommandHandler
    void handle(EndDutyCommand command, Clock clock) {
        requireSelfOrSupervisor(command.actor());
        if (onDuty) {
            apply(new GridWorkerWentOffDutyEvent(workerId, clock.instant()));
        }
    }

    private void requireSelfOrSupervisor(Actor actor) {
        boolean self = actor != null && actor.is(Role.GRID_WORKER) && actor.id().equals(workerId);
        boolean allowed = self || actor != null && (actor.is(Role.SUPERVISOR) || actor.is(Role.SYSTEM));
        if (!allowed) {
            throw new NotPermittedException("DUTY", "only the worker themself or a supervisor changes their duty");
        }
    }

    @EventSourcingHandler
    void on(GridWorkerEnrolledEvent event) {
        workerId = event.workerId();
    }

    @EventSourcingHandler
    void on(GridWorkerWentOnDutyEvent event) {
        onDuty = true;
    }

    @EventSourcingHandler
    void on(GridWorkerWentOffDutyEvent event) {
        onDuty = false;
    }
}
