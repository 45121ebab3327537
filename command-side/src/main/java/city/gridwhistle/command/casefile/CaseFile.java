package city.gridwhistle.command.casefile;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import city.gridwhistle.api.casework.AcceptCaseCommand;
import city.gridwhistle.api.casework.CaseAcceptedEvent;
import city.gridwhistle.api.casework.CaseAction;
import city.gridwhistle.api.casework.CaseCommand;
import city.gridwhistle.api.casework.CaseSight;
import city.gridwhistle.api.casework.CaseVisibility;
import city.gridwhistle.api.casework.NoSuchCaseException;
import city.gridwhistle.api.casework.CaseClosedEvent;
import city.gridwhistle.api.casework.CaseDispatchedEvent;
import city.gridwhistle.api.casework.CaseEscalatedEvent;
import city.gridwhistle.api.casework.CaseFollowedEvent;
import city.gridwhistle.api.casework.CaseParkedEvent;
import city.gridwhistle.api.casework.CasePriority;
import city.gridwhistle.api.casework.CaseProgressNotedEvent;
import city.gridwhistle.api.casework.CaseQueuedForSupervisorEvent;
import city.gridwhistle.api.casework.CaseReassignedEvent;
import city.gridwhistle.api.casework.CaseRegisteredEvent;
import city.gridwhistle.api.casework.CaseReopenedEvent;
import city.gridwhistle.api.casework.CaseResolvedEvent;
import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.casework.CaseStepDeadlineSetEvent;
import city.gridwhistle.api.casework.CaseStepDeadlineWarnedEvent;
import city.gridwhistle.api.casework.CaseTransferredEvent;
import city.gridwhistle.api.casework.CaseUnparkedEvent;
import city.gridwhistle.api.casework.CaseVerificationFailedEvent;
import city.gridwhistle.api.casework.CaseVerifiedEvent;
import city.gridwhistle.api.casework.CaseVoidedEvent;
import city.gridwhistle.api.casework.CaseWorkStartedEvent;
import city.gridwhistle.api.casework.DeadlineStep;
import city.gridwhistle.api.casework.DispatchCaseCommand;
import city.gridwhistle.api.casework.EscalateCaseCommand;
import city.gridwhistle.api.casework.FollowCaseCommand;
import city.gridwhistle.api.casework.IllegalTransitionException;
import city.gridwhistle.api.casework.NoteProgressCommand;
import city.gridwhistle.api.casework.ParkCaseCommand;
import city.gridwhistle.api.casework.ReassignCaseCommand;
import city.gridwhistle.api.casework.ReopenCaseCommand;
import city.gridwhistle.api.casework.ReportAttachedEvent;
import city.gridwhistle.api.casework.ReporterIdentityRevealedEvent;
import city.gridwhistle.api.casework.RevealReporterIdentityCommand;
import city.gridwhistle.api.casework.ResolveCaseCommand;
import city.gridwhistle.api.casework.StartWorkCommand;
import city.gridwhistle.api.casework.TransferCaseCommand;
import city.gridwhistle.api.casework.UnparkCaseCommand;
import city.gridwhistle.api.casework.VerifyResolutionCommand;
import city.gridwhistle.api.casework.VoidCaseCommand;
import city.gridwhistle.api.intake.FileReportCommand;
import city.gridwhistle.api.intake.ReportFiledEvent;
import city.gridwhistle.api.intake.ReportReceipt;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.CategoryRules;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.CommandRejectedException.Reason;
import city.gridwhistle.api.shared.NotPermittedException;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.api.shared.TimeLimit;
import city.gridwhistle.command.routing.Route;
import city.gridwhistle.command.routing.RoutingPolicy;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A case (案卷): one hazard in one place, from the first report to its closing, around the closed loop
 * register → dispatch → accept → handle → verify → close. Decides on commands (who may, in which state) and
 * records each decision as an event; each timed step runs a clock that warns at 80 % and escalates at 100 %.
 * Its state is only what later decisions need. A snapshot of that state is stored every
 * {@code gridwhistle.casefile.snapshot-threshold} events (decision 0022), so a long-lived case loads in the time of
 * a new one; the fields are the snapshot's content.
 */
@Aggregate(snapshotTriggerDefinition = "caseFileSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class CaseFile {

    @AggregateIdentifier
    private String caseId;
    private CaseStatus status;
    private CaseStatus statusBeforePark;
    private CategoryRules rules;
    private String cellCode;
    private String cellName;
    private String districtCode;
    private String workerId;
    private boolean startedOnSite;
    private String resolverId;
    private String reporterId;
    private final Set<String> corroboratorIds = new HashSet<>();
    private final Set<String> followerIds = new HashSet<>();
    private int reportCount;
    private int reworkCount;
    private DeadlineStep clockStep;
    private int clockGeneration;
    private String warningScheduleId;
    private String overdueScheduleId;
    private Instant clockDueAt;
    private boolean clockWarned;
    private boolean clockEscalated;

    protected CaseFile() {
        // for Axon, which rebuilds the case from its events
    }

    /**
     * Files the report and, the category and cell being known, registers the case and routes it in one decision:
     * a well-formed report in a known category meets the registration condition by being filed.
     */
    CaseFile(FileReportCommand command, CategoryRules rules, Route route, CaseClock clock, DeadlineManager deadlines) {
        requireDescription(command.description());
        Instant now = clock.now();
        apply(new ReportFiledEvent(command.caseId(), command.reportId(), command.reporterId(), command.categoryCode(),
                command.location(), command.address(), command.description(), command.photos(), command.deviceTime(),
                now, command.attributes()));
        apply(new CaseRegisteredEvent(command.caseId(), rules, route.cell(), now));
        // while the constructor runs, the events above are not yet applied to this object: pass what routing needs
        routeTo(command.caseId(), rules, route, clock, deadlines);
    }

    /** Another report of the same hazard: its reporter corroborates and follows, and the priority rises. */
    void attach(FileReportCommand command, CaseClock clock) {
        if (!status.isOpen()) {
            throw new IllegalStateException("case " + caseId + " is " + status + " and takes no more reports");
        }
        requireDescription(command.description());
        int count = reportCount + 1;
        apply(new ReportAttachedEvent(caseId, command.reportId(), command.reporterId(), command.location(),
                command.description(), command.photos(), command.deviceTime(), clock.now(), count,
                CasePriority.of(rules.urgency(), count)));
    }

    /**
     * Before any rule runs: a caller who may not see the case learns nothing of it, not its state, version or what
     * could be done ({@link NoSuchCaseException}, answered as for a case that does not exist). Then a command that
     * names the version it was decided on ({@code If-Match} over HTTP) is refused when the case has moved on since:
     * Axon has loaded the case and knows the events the caller has not seen.
     */
    @CommandHandlerInterceptor
    Object seenFirstThenCurrent(CommandMessage<?> command, InterceptorChain chain, ConflictResolver conflicts,
                                RoutingPolicy routing) throws Exception {
        if (command.getPayload() instanceof CaseCommand caseCommand) {
            requireSight(caseCommand.actor(), routing);
        }
        conflicts.detectConflicts(unseen -> !unseen.isEmpty());
        return chain.proceed();
    }

    /** How much of this case the actor may see (docs/security.md). */
    CaseSight sightOf(Actor actor, RoutingPolicy routing) {
        return CaseVisibility.sightOf(actor, new CaseVisibility.Parties(status, districtCode, cellCode, workerId,
                        reportersAndCorroborators(), followerIds),
                cell -> routing.isWorkerOfCell(actor.id(), cell));
    }

    private void requireSight(Actor actor, RoutingPolicy routing) {
        if (sightOf(actor, routing) == CaseSight.NONE) {
            throw new NoSuchCaseException();
        }
    }

    private Set<String> reportersAndCorroborators() {
        Set<String> reporters = new HashSet<>(corroboratorIds);
        if (reporterId != null) {
            reporters.add(reporterId);
        }
        return reporters;
    }

    /** Where the case stands for the rider who just reported it. */
    ReportReceipt receipt() {
        return new ReportReceipt(caseId, cellCode, cellName, workerId, workerId == null, reportCount > 1);
    }

    @CommandHandler
    void handle(DispatchCaseCommand command, RoutingPolicy routing, CaseClock clock, DeadlineManager deadlines) {
        allow(CaseAction.DISPATCH, command.actor(), Role.SUPERVISOR);
        requireWorkerOfCell(command.workerId(), routing);
        stopClock(clock, deadlines);
        apply(new CaseDispatchedEvent(caseId, cellCode, command.workerId(), clock.now()));
        startClock(DeadlineStep.ACCEPT, clock, deadlines);
    }

    @CommandHandler
    void handle(ReassignCaseCommand command, RoutingPolicy routing, CaseClock clock, DeadlineManager deadlines) {
        allow(CaseAction.REASSIGN, command.actor(), Role.SUPERVISOR);
        requireReason(command.reason());
        requireWorkerOfCell(command.workerId(), routing);
        if (command.workerId().equals(workerId)) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "workerId", "the case is already theirs");
        }
        stopClock(clock, deadlines);
        apply(new CaseReassignedEvent(caseId, workerId, command.workerId(), command.reason(), clock.now()));
        startClock(DeadlineStep.ACCEPT, clock, deadlines);
    }

    @CommandHandler
    void handle(AcceptCaseCommand command, CaseClock clock, DeadlineManager deadlines) {
        allow(CaseAction.ACCEPT, command.actor(), Role.GRID_WORKER);
        requireAssignee(command.actor(), CaseAction.ACCEPT);
        stopClock(clock, deadlines);
        apply(new CaseAcceptedEvent(caseId, workerId, clock.now()));
        startClock(DeadlineStep.HANDLE, clock, deadlines);
    }

    @CommandHandler
    void handle(StartWorkCommand command, CaseClock clock) {
        allow(CaseAction.START, command.actor(), Role.GRID_WORKER);
        requireAssignee(command.actor(), CaseAction.START);
        if (!startedOnSite) {
            apply(new CaseWorkStartedEvent(caseId, workerId, clock.now()));
        }
    }

    @CommandHandler
    void handle(NoteProgressCommand command, CaseClock clock) {
        allow(CaseAction.NOTE, command.actor(), Role.GRID_WORKER, Role.SUPERVISOR);
        if (command.actor().is(Role.GRID_WORKER)) {
            requireAssignee(command.actor(), CaseAction.NOTE);
        }
        requireText("note", command.note());
        apply(new CaseProgressNotedEvent(caseId, command.actor().id(), command.actor().role(), command.note(),
                command.photos(), clock.now()));
    }

    @CommandHandler
    void handle(ResolveCaseCommand command, CaseClock clock, DeadlineManager deadlines) {
        allow(CaseAction.RESOLVE, command.actor(), Role.GRID_WORKER);
        requireAssignee(command.actor(), CaseAction.RESOLVE);
        if (command.photos().isEmpty()) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "photos",
                    "a resolution needs at least one after-photo");
        }
        stopClock(clock, deadlines);
        apply(new CaseResolvedEvent(caseId, workerId, command.note(), command.photos(), clock.now()));
        startClock(DeadlineStep.VERIFY, clock, deadlines);
    }

    /** Finder ≠ fixer ≠ verifier: a reporter of the case, another worker or a supervisor, never the resolver. */
    @CommandHandler
    void handle(VerifyResolutionCommand command, RoutingPolicy routing, CaseClock clock, DeadlineManager deadlines) {
        Actor actor = command.actor();
        allow(CaseAction.VERIFY, actor, Role.RIDER, Role.GRID_WORKER, Role.SUPERVISOR);
        if (actor.id().equals(resolverId)) {
            throw new NotPermittedException(CaseAction.VERIFY.name(), "whoever resolved a case cannot verify it");
        }
        if (actor.is(Role.GRID_WORKER) && !routing.isWorkerOfCell(actor.id(), cellCode)) {
            throw new NotPermittedException(CaseAction.VERIFY.name(), "a grid worker verifies cases of their own cells only");
        }
        if (actor.is(Role.RIDER) && !actor.id().equals(reporterId) && !corroboratorIds.contains(actor.id())) {
            throw new NotPermittedException(CaseAction.VERIFY.name(), "only a rider who reported the case can verify it");
        }
        if (!command.fixed()) {
            requireText("note", command.note());
        }
        stopClock(clock, deadlines);
        Instant now = clock.now();
        if (command.fixed()) {
            apply(new CaseVerifiedEvent(caseId, actor.id(), actor.role(), command.note(), command.photos(), now));
            apply(new CaseClosedEvent(caseId, reporterId, Set.copyOf(corroboratorIds), resolverId, now));
        } else {
            apply(new CaseVerificationFailedEvent(caseId, actor.id(), actor.role(), resolverId, command.note(),
                    command.photos(), reworkCount + 1, now));
            startClock(DeadlineStep.HANDLE, clock, deadlines);
        }
    }

    @CommandHandler
    void handle(ParkCaseCommand command, CaseClock clock, DeadlineManager deadlines) {
        allow(CaseAction.PARK, command.actor(), Role.SUPERVISOR);
        requireReason(command.reason());
        stopClock(clock, deadlines);
        apply(new CaseParkedEvent(caseId, command.reason(), status, clock.now()));
    }

    @CommandHandler
    void handle(UnparkCaseCommand command, CaseClock clock, DeadlineManager deadlines) {
        allow(CaseAction.UNPARK, command.actor(), Role.SUPERVISOR);
        requireReason(command.reason());
        apply(new CaseUnparkedEvent(caseId, command.reason(), statusBeforePark, clock.now()));
        startClock(stepOf(status), clock, deadlines);
    }

    @CommandHandler
    void handle(TransferCaseCommand command, RoutingPolicy routing, CaseClock clock, DeadlineManager deadlines) {
        allow(CaseAction.TRANSFER, command.actor(), Role.GRID_WORKER, Role.SUPERVISOR);
        if (command.actor().is(Role.GRID_WORKER)) {
            requireAssignee(command.actor(), CaseAction.TRANSFER);
        }
        requireReason(command.reason());
        if (command.toCellCode() == null || command.toCellCode().equals(cellCode)) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "toCellCode", "name another cell to transfer to");
        }
        Route route = routing.routeInCell(command.toCellCode())
                .orElseThrow(() -> new CommandRejectedException(Reason.UNKNOWN_CELL, "toCellCode",
                        "no grid cell has the code '" + command.toCellCode() + "'"));
        stopClock(clock, deadlines);
        apply(new CaseTransferredEvent(caseId, cellCode, route.cell(), command.reason(), command.actor().id(),
                clock.now()));
        routeTo(caseId, rules, route, clock, deadlines);
    }

    @CommandHandler
    void handle(EscalateCaseCommand command, CaseClock clock) {
        allow(CaseAction.ESCALATE, command.actor(), Role.SUPERVISOR);
        requireReason(command.reason());
        apply(new CaseEscalatedEvent(caseId, null, command.reason(), command.actor().id(), clock.now()));
    }

    @CommandHandler
    void handle(ReopenCaseCommand command, RoutingPolicy routing, CaseClock clock, DeadlineManager deadlines) {
        allow(CaseAction.REOPEN, command.actor(), Role.SUPERVISOR);
        requireReason(command.reason());
        apply(new CaseReopenedEvent(caseId, command.reason(), clock.now()));
        Route route = routing.routeInCell(cellCode).orElseThrow(() -> new IllegalStateException(
                "the case's cell " + cellCode + " is no longer in the grid"));
        routeTo(caseId, rules, route, clock, deadlines);
    }

    @CommandHandler
    void handle(VoidCaseCommand command, CaseClock clock, DeadlineManager deadlines) {
        allow(CaseAction.VOID, command.actor(), Role.SUPERVISOR);
        requireReason(command.reason());
        stopClock(clock, deadlines);
        apply(new CaseVoidedEvent(caseId, command.reason(), command.actor().id(), clock.now()));
    }

    /** Following twice is not an error: the rider simply follows. */
    @CommandHandler
    void handle(FollowCaseCommand command, CaseClock clock) {
        allow(CaseAction.FOLLOW, command.actor(), Role.RIDER);
        if (!followerIds.contains(command.actor().id())) {
            apply(new CaseFollowedEvent(caseId, command.actor().id(), clock.now()));
        }
    }

    /** Records that a supervisor of the case's district looked at who reported it, and says whom. */
    public String revealReporter(RevealReporterIdentityCommand command, CaseClock clock, RoutingPolicy routing) {
        Actor actor = command.actor();
        requireSight(actor, routing);
        if (!actor.is(Role.SUPERVISOR)) {
            throw new NotPermittedException("REVEAL_REPORTER", "only a supervisor may see who reported a case");
        }
        requireReason(command.reason());
        apply(new ReporterIdentityRevealedEvent(caseId, reporterId, actor.id(), command.reason(), clock.now()));
        return reporterId;
    }

    @DeadlineHandler(deadlineName = StepDeadline.WARNING)
    void onWarning(StepDeadline deadline, CaseClock clock) {
        if (isCurrent(deadline) && !clockWarned) {
            apply(new CaseStepDeadlineWarnedEvent(caseId, deadline.step(), clockDueAt, clock.now()));
        }
    }

    /**
     * At 100 % the system escalates. Two deadlines due within one scheduler poll may run in either order, so an
     * escalation whose warning has not run yet records the warning first, and the late warning then does nothing:
     * the history always reads warning, then escalation.
     */
    @DeadlineHandler(deadlineName = StepDeadline.OVERDUE)
    void onOverdue(StepDeadline deadline, CaseClock clock) {
        // db-scheduler marks an execution done only after the handler's transaction committed: an instance that
        // dies in between leaves it to run again on another, and the clock must not escalate twice
        if (isCurrent(deadline) && !clockEscalated) {
            if (!clockWarned) {
                apply(new CaseStepDeadlineWarnedEvent(caseId, deadline.step(), clockDueAt, clock.now()));
            }
            apply(new CaseEscalatedEvent(caseId, deadline.step(),
                    "the " + deadline.step().name().toLowerCase() + " time limit has passed", Actor.SYSTEM.id(),
                    clock.now()));
        }
    }

    private boolean isCurrent(StepDeadline deadline) {
        return deadline.step() == clockStep && deadline.generation() == clockGeneration;
    }

    private void routeTo(String id, CategoryRules categoryRules, Route route, CaseClock clock,
                         DeadlineManager deadlines) {
        Instant now = clock.now();
        if (route.workerId().isPresent()) {
            apply(new CaseDispatchedEvent(id, route.cell().cellCode(), route.workerId().get(), now));
            startClock(id, categoryRules, DeadlineStep.ACCEPT, clock, deadlines);
        } else {
            apply(new CaseQueuedForSupervisorEvent(id, route.cell().cellCode(), "no grid worker on duty in the cell", now));
            startClock(id, categoryRules, DeadlineStep.DISPATCH, clock, deadlines);
        }
    }

    private void startClock(DeadlineStep step, CaseClock clock, DeadlineManager deadlines) {
        startClock(caseId, rules, step, clock, deadlines);
    }

    private void startClock(String id, CategoryRules categoryRules, DeadlineStep step, CaseClock clock,
                            DeadlineManager deadlines) {
        if (step != null) {
            apply(clock.start(id, step, limitOf(categoryRules, step), clockGeneration + 1, deadlines));
        }
    }

    private void stopClock(CaseClock clock, DeadlineManager deadlines) {
        if (clockStep != null) {
            clock.stop(warningScheduleId, overdueScheduleId, deadlines);
        }
    }

    private static TimeLimit limitOf(CategoryRules categoryRules, DeadlineStep step) {
        var limits = categoryRules.limits();
        return switch (step) {
            case DISPATCH -> limits.dispatch();
            case ACCEPT -> limits.accept();
            case HANDLE -> limits.handle();
            case VERIFY -> limits.verify();
        };
    }

    private DeadlineStep stepOf(CaseStatus state) {
        return switch (state) {
            case REGISTERED, REOPENED -> DeadlineStep.DISPATCH;
            case DISPATCHED -> DeadlineStep.ACCEPT;
            case IN_PROGRESS, REWORK -> DeadlineStep.HANDLE;
            case RESOLVED -> DeadlineStep.VERIFY;
            default -> null;
        };
    }

    private void allow(CaseAction action, Actor actor, Role... roles) {
        if (!CaseAction.allowedIn(status).contains(action)) {
            throw new IllegalTransitionException(status, action);
        }
        if (actor == null || !List.of(roles).contains(actor.role())) {
            throw new NotPermittedException(action.name(), "only " + List.of(roles) + " may " + action);
        }
        // a supervisor outside the case's district never gets here: to them the case does not exist (requireSight)
    }

    private void requireAssignee(Actor actor, CaseAction action) {
        if (!actor.id().equals(workerId)) {
            throw new NotPermittedException(action.name(), "only the grid worker the case is assigned to may " + action);
        }
    }

    private void requireWorkerOfCell(String worker, RoutingPolicy routing) {
        if (worker == null || !routing.isWorkerOfCell(worker, cellCode)) {
            throw new CommandRejectedException(Reason.UNKNOWN_WORKER, "workerId",
                    "'" + worker + "' is not a grid worker of cell " + cellCode);
        }
    }

    private static void requireReason(String reason) {
        requireText("reason", reason);
    }

    private static void requireText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, field, "a " + field + " is required");
        }
        if (text.length() > FileReportCommand.MAX_DESCRIPTION_LENGTH) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, field,
                    "at most " + FileReportCommand.MAX_DESCRIPTION_LENGTH + " characters");
        }
    }

    private static void requireDescription(String description) {
        if (description == null || description.isBlank()) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "description",
                    "a description of what was seen is required");
        }
        if (description.length() > FileReportCommand.MAX_DESCRIPTION_LENGTH) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "description",
                    "a description may have at most " + FileReportCommand.MAX_DESCRIPTION_LENGTH + " characters");
        }
    }

    @EventSourcingHandler
    void on(ReportFiledEvent event) {
        caseId = event.caseId();
        status = CaseStatus.REPORTED;
        reporterId = event.reporterId();
        followerIds.add(event.reporterId());
        reportCount = 1;
    }

    @EventSourcingHandler
    void on(CaseRegisteredEvent event) {
        status = CaseStatus.REGISTERED;
        rules = event.rules();
        cellCode = event.cell().cellCode();
        cellName = event.cell().cellName();
        districtCode = event.cell().districtCode();
    }

    @EventSourcingHandler
    void on(ReportAttachedEvent event) {
        reportCount = event.reportCount();
        corroboratorIds.add(event.reporterId());
        followerIds.add(event.reporterId());
    }

    @EventSourcingHandler
    void on(CaseQueuedForSupervisorEvent event) {
        workerId = null;
    }

    @EventSourcingHandler
    void on(CaseDispatchedEvent event) {
        status = CaseStatus.DISPATCHED;
        cellCode = event.cellCode();
        workerId = event.workerId();
        clockStep = null;
    }

    @EventSourcingHandler
    void on(CaseReassignedEvent event) {
        status = CaseStatus.DISPATCHED;
        workerId = event.toWorkerId();
        startedOnSite = false;
        clockStep = null;
    }

    @EventSourcingHandler
    void on(CaseAcceptedEvent event) {
        status = CaseStatus.IN_PROGRESS;
        clockStep = null;
    }

    @EventSourcingHandler
    void on(CaseWorkStartedEvent event) {
        startedOnSite = true;
    }

    @EventSourcingHandler
    void on(CaseResolvedEvent event) {
        status = CaseStatus.RESOLVED;
        resolverId = event.workerId();
        clockStep = null;
    }

    @EventSourcingHandler
    void on(CaseVerifiedEvent event) {
        clockStep = null;
    }

    @EventSourcingHandler
    void on(CaseClosedEvent event) {
        status = CaseStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(CaseVerificationFailedEvent event) {
        status = CaseStatus.REWORK;
        reworkCount = event.reworkCount();
        resolverId = null;
        startedOnSite = false;
        clockStep = null;
    }

    @EventSourcingHandler
    void on(CaseParkedEvent event) {
        statusBeforePark = event.statusBefore();
        status = CaseStatus.PARKED;
        clockStep = null;
    }

    @EventSourcingHandler
    void on(CaseUnparkedEvent event) {
        status = event.statusAfter();
        statusBeforePark = null;
    }

    @EventSourcingHandler
    void on(CaseTransferredEvent event) {
        // registered again in the new cell: routing there dispatches it or leaves it for a supervisor
        status = CaseStatus.REGISTERED;
        cellCode = event.toCell().cellCode();
        cellName = event.toCell().cellName();
        districtCode = event.toCell().districtCode();
        workerId = null;
        startedOnSite = false;
        clockStep = null;
    }

    @EventSourcingHandler
    void on(CaseReopenedEvent event) {
        status = CaseStatus.REOPENED;
        resolverId = null;
        workerId = null;
        startedOnSite = false;
    }

    @EventSourcingHandler
    void on(CaseVoidedEvent event) {
        status = CaseStatus.VOIDED;
        clockStep = null;
    }

    @EventSourcingHandler
    void on(CaseFollowedEvent event) {
        followerIds.add(event.riderId());
    }

    @EventSourcingHandler
    void on(CaseStepDeadlineSetEvent event) {
        clockStep = event.step();
        clockGeneration++;
        warningScheduleId = event.warningScheduleId();
        overdueScheduleId = event.overdueScheduleId();
        clockDueAt = event.dueAt();
        clockWarned = false;
        clockEscalated = false;
    }

    @EventSourcingHandler
    void on(CaseStepDeadlineWarnedEvent event) {
        clockWarned = true;
    }

    @EventSourcingHandler
    void on(CaseEscalatedEvent event) {
        // a supervisor's escalation names no step and leaves the clock to escalate when it runs out
        if (event.step() != null && event.step() == clockStep) {
            clockEscalated = true;
        }
    }
}
