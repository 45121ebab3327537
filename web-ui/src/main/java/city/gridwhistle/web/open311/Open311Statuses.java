package city.gridwhistle.web.open311;

import city.gridwhistle.api.casework.CaseStatus;

/**
 * The states of the loop as Open311 states. The specification knows {@code open} and {@code closed}; a closed
 * request may have been fixed or turned away, which FixMyStreet's client tells apart by the extended states it
 * maps ({@code Open311::map_state}: FIXED, NO_FURTHER_ACTION, DUPLICATE, …). Updates always carry the extended
 * state; requests carry it with {@code extensions=true}. The mapping is in docs/decisions/0050.
 */
final class Open311Statuses {

    private Open311Statuses() {
    }

    /** {@code open} or {@code closed}, as the specification has it. */
    static String basic(CaseStatus status) {
        return status.isOpen() ? "open" : "closed";
    }

    /** The extended state: only a verified fix is FIXED; a voided case NO_FURTHER_ACTION, a merged one DUPLICATE. */
    static String extended(CaseStatus status) {
        return switch (status) {
            case REPORTED, REGISTERED, REOPENED -> "OPEN";
            case DISPATCHED -> "ACTION_SCHEDULED";
            // handled but not yet verified: a failed verification sends it back to work
            case IN_PROGRESS, REWORK, RESOLVED -> "IN_PROGRESS";
            case PARKED -> "INVESTIGATING";
            case CLOSED -> "FIXED";
            case VOIDED -> "NO_FURTHER_ACTION";
            case MERGED -> "DUPLICATE";
        };
    }
}
