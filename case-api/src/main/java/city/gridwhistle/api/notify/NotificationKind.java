package city.gridwhistle.api.notify;

/** Why a rider is told something. */
public enum NotificationKind {
    /** A followed case changed its status. */
    STATUS_CHANGED,
    /** Nobody confirmed the fix within the verification limit: a grid worker or supervisor checks it now. */
    VERIFICATION_OVERDUE
}
