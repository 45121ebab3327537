package city.gridwhistle.command.casefile;

import static city.gridwhistle.command.casefile.CaseFixtures.IN_EMPTY_CELL;
import static city.gridwhistle.command.casefile.CaseFixtures.IN_STAFFED_CELL;

import city.gridwhistle.api.casework.AcceptCaseCommand;
import city.gridwhistle.api.casework.DispatchCaseCommand;
import city.gridwhistle.api.casework.ResolveCaseCommand;
import city.gridwhistle.api.casework.VerifyResolutionCommand;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.PhotoRef;
import city.gridwhistle.api.shared.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * The people of the lifecycle tests and the commands that bring a case to a given point of its loop. A case
 * reported in the staffed cell goes to W002 (the least loaded); one reported in the empty cell waits for a
 * supervisor, who may give it to W009, a worker of that cell who is off duty.
 */
final class CaseHistories {

    static final String CASE = "case-1";
    static final Actor SUPERVISOR = new Actor("S001", Role.SUPERVISOR);
    static final Actor W001 = new Actor("W001", Role.GRID_WORKER);
    static final Actor W002 = new Actor("W002", Role.GRID_WORKER);
    static final Actor W009 = new Actor("W009", Role.GRID_WORKER);
    static final Actor REPORTER = new Actor("R001", Role.RIDER);
    static final Actor OTHER_RIDER = new Actor("R002", Role.RIDER);
    static final PhotoRef AFTER_PHOTO = new PhotoRef("cd".repeat(32), "image/jpeg", 2048);

    private CaseHistories() {
    }

    /** Reported in the empty cell: registered and waiting in the supervisors' queue, DISPATCH clock running. */
    static List<Object> queued() {
        return List.of(ReportIntakeTest.report(CASE, REPORTER.id(), IN_EMPTY_CELL, "井盖缺失", List.of()));
    }

    /** Reported in the staffed cell: dispatched to W002, ACCEPT clock running. */
    static List<Object> dispatched() {
        return List.of(ReportIntakeTest.report(CASE, REPORTER.id(), IN_STAFFED_CELL, "井盖缺失", List.of()));
    }

    /** Accepted by W002: in progress, HANDLE clock running. */
    static List<Object> inProgress() {
        return with(dispatched(), new AcceptCaseCommand(CASE, W002));
    }

    /** Resolved by W002 with an after-photo: VERIFY clock running. */
    static List<Object> resolved() {
        return with(inProgress(), resolve(W002));
    }

    /** Confirmed fixed by the reporting rider: closed. */
    static List<Object> closed() {
        return with(resolved(), new VerifyResolutionCommand(CASE, true, "修好了", List.of(), REPORTER));
    }

    /** The queued case dispatched by hand to W009. */
    static List<Object> dispatchedToW009() {
        return with(queued(), new DispatchCaseCommand(CASE, W009.id(), SUPERVISOR));
    }

    static ResolveCaseCommand resolve(Actor worker) {
        return new ResolveCaseCommand(CASE, "已补齐井盖", List.of(AFTER_PHOTO), worker);
    }

    static List<Object> with(List<Object> history, Object... more) {
        var commands = new ArrayList<>(history);
        commands.addAll(List.of(more));
        return commands;
    }
}
