package city.gridwhistle.api.shared;

/** How a time limit is counted: on the clock, or over the work calendar. */
public enum LimitUnit {
    /** Around the clock; for drills and tests of the deadline machinery, not for real categories. */
    SECONDS,
    MINUTES,
    /** Hours around the clock, 24×7. */
    URGENT_HOURS,
    WORKING_HOURS,
    WORKING_DAYS,
    NATURAL_DAYS
}
