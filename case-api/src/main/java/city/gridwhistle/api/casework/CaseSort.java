package city.gridwhistle.api.casework;

/** How search results are ordered; every order ends with the case id, so paging is stable. */
public enum CaseSort {
    NEWEST,
    OLDEST,
    /** Highest priority first, newest first among equals. */
    PRIORITY,
    /** The running step's due time, soonest (or most overdue) first; cases with no running step last. */
    DEADLINE,
    /** Nearest first; needs a point (a circle scope or the {@code from} point). */
    DISTANCE
}
