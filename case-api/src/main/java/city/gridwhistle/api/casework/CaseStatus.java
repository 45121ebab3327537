package city.gridwhistle.api.casework;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The states of the closed loop (数字城管 闭环). */
public enum CaseStatus {
    REPORTED,
    REGISTERED,
    DISPATCHED,
    IN_PROGRESS,
    RESOLVED,
    REWORK,
    CLOSED,
    REOPENED,
    PARKED,
    VOIDED,
    MERGED;

    /** The states in which nobody owes the case work: closed, voided, merged. A closed case may still reopen. */
    public static final Set<CaseStatus> FINAL =
            Collections.unmodifiableSet(EnumSet.of(CLOSED, VOIDED, MERGED));

    /** Every other state: the case is open and someone owes it work. */
    public static final Set<CaseStatus> OPEN = Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(
            CLOSED, VOIDED, MERGED)));

    public boolean isOpen() {
        return !FINAL.contains(this);
    }
}
