package city.gridwhistle.command.casefile;

import city.gridwhistle.api.casework.DeadlineStep;

/**
 * What a scheduled step deadline carries: the step, and the generation of the step's clock, so a deadline that
 * fires after its step was completed and started again (a rework, a reassignment) is recognised as stale.
 */
public record StepDeadline(DeadlineStep step, int generation) {

    public static final String WARNING = "case-step-warning";
    public static final String OVERDUE = "case-step-overdue";

    /** The share of a step's time after which the warning fires. */
    public static final double WARNING_AT = 0.8;
}
