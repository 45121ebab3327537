package city.gridwhistle.command.casefile;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import city.gridwhistle.api.casework.CaseDispatchedEvent;
import city.gridwhistle.api.casework.CaseQueuedForSupervisorEvent;
import city.gridwhistle.api.casework.CaseRegisteredEvent;
import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.intake.FileReportCommand;
import city.gridwhistle.api.intake.ReportFiledEvent;
import city.gridwhistle.api.shared.CategoryRules;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.command.routing.Route;
import java.time.Instant;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A case (案卷): one hazard in one place, from the first report to its closing. Decides on commands and records
 * each decision as an event; its state is only what later decisions need.
 */
@Aggregate
public class CaseFile {

    @AggregateIdentifier
    private String caseId;
    private CaseStatus status;
    private String cellCode;
    private String workerId;
    private CategoryRules rules;

    protected CaseFile() {
        // for Axon, which rebuilds the case from its events
    }

    /**
     * Files the report and, the category and cell being known, registers the case and dispatches it in one
     * decision: a report needs no human triage when its category's registration condition is met by filing it.
     */
    CaseFile(FileReportCommand command, CategoryRules rules, Route route, Instant now) {
        requireDescription(command.description());
        apply(new ReportFiledEvent(command.caseId(), command.reportId(), command.reporterId(), command.categoryCode(),
                command.location(), command.address(), command.description(), command.photos(), command.deviceTime(),
                now));
        apply(new CaseRegisteredEvent(command.caseId(), rules, route.cell(), now));
        route.workerId().ifPresentOrElse(
                worker -> apply(new CaseDispatchedEvent(command.caseId(), route.cell().cellCode(), worker, now)),
                () -> apply(new CaseQueuedForSupervisorEvent(command.caseId(), route.cell().cellCode(),
                        "no grid worker on duty in the cell", now)));
    }

    private static void requireDescription(String description) {
        if (description == null || description.isBlank()) {
            throw new CommandRejectedException(CommandRejectedException.Reason.INVALID_FIELD, "description",
                    "a description of what was seen is required");
        }
        if (description.length() > FileReportCommand.MAX_DESCRIPTION_LENGTH) {
            throw new CommandRejectedException(CommandRejectedException.Reason.INVALID_FIELD, "description",
                    "a description may have at most " + FileReportCommand.MAX_DESCRIPTION_LENGTH + " characters");
        }
    }

    @EventSourcingHandler
    void on(ReportFiledEvent event) {
        caseId = event.caseId();
        status = CaseStatus.REPORTED;
    }

    @EventSourcingHandler
    void on(CaseRegisteredEvent event) {
        status = CaseStatus.REGISTERED;
        rules = event.rules();
        cellCode = event.cell().cellCode();
    }

    @EventSourcingHandler
    void on(CaseDispatchedEvent event) {
        status = CaseStatus.DISPATCHED;
        workerId = event.workerId();
    }
}
