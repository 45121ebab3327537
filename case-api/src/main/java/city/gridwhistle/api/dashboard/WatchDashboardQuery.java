package city.gridwhistle.api.dashboard;

import city.gridwhistle.api.shared.Actor;
import java.time.Instant;

/**
 * A live signal for dashboards: as a subscription query, its initial answer is the time now, and each later
 * {@link DashboardChanged} says that figures of the viewer's area changed, so the dashboard fetches them again.
 */
public record WatchDashboardQuery(Actor viewer) {

    /** Cases of these districts changed at this moment. */
    public record DashboardChanged(java.util.Set<String> districtCodes, Instant at) {
    }
}
