package city.gridwhistle.command.grid;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import city.gridwhistle.api.grid.AssignCellsCommand;
import city.gridwhistle.api.grid.EndDutyCommand;
import city.gridwhistle.api.grid.EnrollGridWorkerCommand;
import city.gridwhistle.api.grid.GridWorkerCellsAssignedEvent;
import city.gridwhistle.api.grid.GridWorkerEnrolledEvent;
import city.gridwhistle.api.grid.GridWorkerWentOffDutyEvent;
import city.gridwhistle.api.grid.GridWorkerWentOnDutyEvent;
import city.gridwhistle.api.grid.StartDutyCommand;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.CommandRejectedException.Reason;
import city.gridwhistle.api.shared.NoSuchRecordException;
import city.gridwhistle.api.shared.NotPermittedException;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.command.routing.GridDirectory;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A grid worker (网格员) with the cells they answer for, on or off duty. */
@Aggregate
public class GridWorker {

    @AggregateIdentifier
    private String workerId;
    private String displayName;
    private Set<String> cellCodes = Set.of();
    private boolean onDuty;

    protected GridWorker() {
        // for Axon, also to enrol a worker (created if missing)
    }

    /**
     * Enrolling is idempotent: the same enrolment again (a loader resumed after a crash) records nothing, while
     * another enrolment under a taken id is refused as a stream that cannot be created (409), rather than left to
     * the event store's unique key, whose violation reaches the caller as a storage failure.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EnrollGridWorkerCommand command) {
        if (command.workerId() == null || command.workerId().isBlank()) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "workerId", "a grid worker needs an id");
        }
        if (command.cellCodes().isEmpty()) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "cellCodes",
                    "a grid worker answers for at least one cell");
        }
        if (workerId != null) {
            if (command.displayName().equals(displayName) && command.cellCodes().equals(cellCodes)) {
                return;
            }
            throw new AggregateStreamCreationException("grid worker " + workerId + " is already enrolled");
        }
        apply(new GridWorkerEnrolledEvent(command.workerId(), command.displayName(), command.cellCodes()));
    }

    /** Every cell must be one the grid has; the same cells again record nothing. */
    @CommandHandler
    void handle(AssignCellsCommand command, GridDirectory grid) {
        if (command.actor() == null || !(command.actor().is(Role.ADMIN) || command.actor().is(Role.SYSTEM))) {
            throw new NotPermittedException("ASSIGN_CELLS", "only administrators assign grid workers' cells");
        }
        if (command.cellCodes().isEmpty()) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "cellCodes",
                    "a grid worker answers for at least one cell");
        }
        List<String> unknown = command.cellCodes().stream().filter(code -> grid.cell(code).isEmpty()).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new CommandRejectedException(Reason.UNKNOWN_CELL, "cellCodes",
                    "the grid has no cell " + String.join(", ", unknown));
        }
        if (!command.cellCodes().equals(cellCodes)) {
            apply(new GridWorkerCellsAssignedEvent(workerId, command.cellCodes(), cellCodes));
        }
    }

    /** Going on duty twice is not an error: the worker simply is on duty, and nothing new is recorded. */
    @CommandHandler
    void handle(StartDutyCommand command, Clock clock, GridDirectory grid) {
        requireSelfOrTheirSupervisor(command.actor(), grid);
        if (!onDuty) {
            apply(new GridWorkerWentOnDutyEvent(workerId, clock.instant()));
        }
    }

    @CommandHandler
    void handle(EndDutyCommand command, Clock clock, GridDirectory grid) {
        requireSelfOrTheirSupervisor(command.actor(), grid);
        if (onDuty) {
            apply(new GridWorkerWentOffDutyEvent(workerId, clock.instant()));
        }
    }

    /**
     * A worker's duty decides where cases go, so it is changed by the worker themself, an administrator, or a
     * supervisor whose district holds every cell of theirs (all, for a city supervisor). To anyone else the worker
     * does not exist: a supervisor of another district learns nothing of who works where.
     */
    private void requireSelfOrTheirSupervisor(Actor actor, GridDirectory grid) {
        boolean allowed = actor != null && switch (actor.role()) {
            case GRID_WORKER -> actor.id().equals(workerId);
            case ADMIN, SYSTEM -> true;
            case SUPERVISOR -> actor.unit() == null || cellCodes.stream().allMatch(cell -> grid.cell(cell)
                    .map(ref -> actor.covers(ref.districtCode())).orElse(false));
            case RIDER, PARTNER -> false;
        };
        if (!allowed) {
            throw new NoSuchRecordException("grid worker");
        }
    }

    @EventSourcingHandler
    void on(GridWorkerEnrolledEvent event) {
        workerId = event.workerId();
        displayName = event.displayName();
        cellCodes = event.cellCodes();
    }

    @EventSourcingHandler
    void on(GridWorkerCellsAssignedEvent event) {
        cellCodes = event.cellCodes();
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
