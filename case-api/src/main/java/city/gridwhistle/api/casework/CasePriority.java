package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Urgency;

/** A case's priority: its category's urgency, raised by every corroborating report (capped). */
public final class CasePriority {

    private static final int MAX_RAISE = 5;

    private CasePriority() {
    }

    public static int of(Urgency urgency, int reportCount) {
        int base = urgency == Urgency.URGENT ? 2 : 1;
        return base + Math.min(Math.max(reportCount - 1, 0), MAX_RAISE);
    }
}
