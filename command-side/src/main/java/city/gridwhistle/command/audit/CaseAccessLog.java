package city.gridwhistle.command.audit;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import city.gridwhistle.api.audit.HistoryAccessedEvent;
import city.gridwhistle.api.audit.RecordHistoryAccessCommand;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.CommandRejectedException.Reason;
import city.gridwhistle.api.shared.NotPermittedException;
import city.gridwhistle.api.shared.Role;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Who looked at a case's history: one stream per case ({@code access-<caseId>}), begun by the first look. Kept
 * apart from the case so that looking never changes the case, its sequence numbers or its read models.
 */
@Aggregate
public class CaseAccessLog {

    @AggregateIdentifier
    private String accessLogId;

    protected CaseAccessLog() {
        // for Axon
    }

    /** Only those who may read histories leave a trace here; whether they may read this case the query decided. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordHistoryAccessCommand command, Clock clock) {
        if (command.action() == null) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "action", "say what was done with the history");
        }
        if (command.viewer() == null || !(command.viewer().is(Role.SUPERVISOR) || command.viewer().is(Role.ADMIN))) {
            throw new NotPermittedException(command.action().name(),
                    "only supervisors and administrators read case histories");
        }
        apply(new HistoryAccessedEvent(command.caseId(), command.viewer().id(), command.viewer().role(),
                command.action(), command.detail(), clock.instant()));
    }

    @EventSourcingHandler
    void on(HistoryAccessedEvent event) {
        // every event names the log, so the first one (applied before the log had an id) gives it its id
        accessLogId = RecordHistoryAccessCommand.accessLogIdOf(event.caseId());
    }
}
