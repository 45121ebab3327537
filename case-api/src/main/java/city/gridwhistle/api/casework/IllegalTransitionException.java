package city.gridwhistle.api.casework;

import java.util.Set;

/** The action is not possible in the case's current state. Nothing was written; answered 409 with both. */
public class IllegalTransitionException extends RuntimeException {

    private final CaseStatus current;
    private final CaseAction attempted;

    public IllegalTransitionException(CaseStatus current, CaseAction attempted) {
        super("a case that is " + current + " cannot take " + attempted + "; allowed: " + CaseAction.allowedIn(current));
        this.current = current;
        this.attempted = attempted;
    }

    public CaseStatus current() {
        return current;
    }

    public CaseAction attempted() {
        return attempted;
    }

    public Set<CaseAction> allowed() {
        return CaseAction.allowedIn(current);
    }
}
