package city.gridwhistle.api.notify;

/** Where a request to confirm a fix (fixed / not fixed) stands. */
public enum ConfirmationState {
    /** The rider is asked and may answer. */
    AWAITED,
    /** The verification limit passed: a worker or supervisor checks too; the rider may still answer until then. */
    OVERDUE,
    /** The rider answered. */
    ANSWERED,
    /** Somebody else (a worker, a supervisor, another reporter) checked the fix: no answer is awaited any more. */
    SETTLED;

    public boolean awaited() {
        return this == AWAITED || this == OVERDUE;
    }
}
