package city.gridwhistle.api.casework;

import java.util.EnumSet;
import java.util.Set;

/**
 * What can be done to a case, and in which states: the closed loop's transition table, published so clients can
 * offer exactly the allowed actions. Who may do each is decided by the case itself.
 */
public enum CaseAction {
    DISPATCH,
    REASSIGN,
    ACCEPT,
    START,
    NOTE,
    RESOLVE,
    VERIFY,
    PARK,
    UNPARK,
    TRANSFER,
    ESCALATE,
    REOPEN,
    VOID,
    FOLLOW;

    public static Set<CaseAction> allowedIn(CaseStatus status) {
        return switch (status) {
            case REPORTED -> EnumSet.of(VOID);
            case REGISTERED, REOPENED -> EnumSet.of(DISPATCH, TRANSFER, PARK, VOID, ESCALATE, FOLLOW);
            case DISPATCHED -> EnumSet.of(ACCEPT, REASSIGN, TRANSFER, PARK, VOID, ESCALATE, FOLLOW);
            case IN_PROGRESS -> EnumSet.of(START, NOTE, RESOLVE, REASSIGN, TRANSFER, PARK, ESCALATE, FOLLOW);
            case REWORK -> EnumSet.of(START, NOTE, RESOLVE, REASSIGN, PARK, ESCALATE, FOLLOW);
            case RESOLVED -> EnumSet.of(VERIFY, NOTE, ESCALATE, FOLLOW);
            case PARKED -> EnumSet.of(UNPARK, VOID, NOTE);
            case CLOSED -> EnumSet.of(REOPEN, FOLLOW);
            case VOIDED, MERGED -> EnumSet.noneOf(CaseAction.class);
        };
    }
}
