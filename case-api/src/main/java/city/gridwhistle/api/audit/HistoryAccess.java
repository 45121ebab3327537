package city.gridwhistle.api.audit;

import city.gridwhistle.api.shared.Role;
import java.time.Instant;

/**
 * One look at a case's history.
 *
 * @param channel WEB, APP or API, from the event's metadata
 */
public record HistoryAccess(String viewerId, Role role, String unit, HistoryAccessAction action, String detail, String channel, Instant at) {
}
