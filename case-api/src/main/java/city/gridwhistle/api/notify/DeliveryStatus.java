package city.gridwhistle.api.notify;

/** Where the delivery of one notification to its platform's webhook stands. */
public enum DeliveryStatus {
    /** Scheduled, or failed and waiting for its next attempt. */
    PENDING,
    /** The receiver acknowledged it (2xx). */
    DELIVERED,
    /** Every attempt failed: given up. */
    FAILED,
    /** Nothing to deliver to: the rider's platform had no webhook. */
    SKIPPED
}
