package city.gridwhistle.web.open311;

import city.gridwhistle.api.casework.CaseStatus;

/**
 * The public note beside {@code open}/{@code closed}: where in the loop the request is. Written from the state
 * alone, so that no internal note (which may name people) leaks to the public.
 */
final class Open311StatusNotes {

    private Open311StatusNotes() {
    }

    static String of(CaseStatus status) {
        return switch (status) {
            case REPORTED -> "reported; awaiting registration";
            case REGISTERED -> "registered; awaiting dispatch";
            case DISPATCHED -> "dispatched to the grid worker";
            case IN_PROGRESS -> "being handled";
            case RESOLVED -> "handled; awaiting verification";
            case REWORK -> "verification failed; being handled again";
            case CLOSED -> "verified and closed";
            case REOPENED -> "reopened";
            case PARKED -> "on hold";
            case VOIDED -> "not accepted as a case";
            case MERGED -> "merged into another request for the same problem";
        };
    }
}
