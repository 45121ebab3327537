package city.gridwhistle.api.casework;

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
    MERGED
}
