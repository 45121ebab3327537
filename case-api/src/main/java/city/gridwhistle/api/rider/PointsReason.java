package city.gridwhistle.api.rider;

/** Why points were credited. */
public enum PointsReason {
    /** The rider's report opened a case that was verified and closed. */
    REPORTED_CASE_CLOSED,
    /** The rider's report corroborated a case that was verified and closed. */
    CORROBORATED_CASE_CLOSED
}
