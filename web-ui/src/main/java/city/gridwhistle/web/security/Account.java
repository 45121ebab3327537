package city.gridwhistle.web.security;

import city.gridwhistle.api.shared.Role;
import java.time.Instant;

/** A row of the {@code account} table. */
public record Account(String username, String passwordHash, Role role, String subjectId, String displayName,
                      String districtCode, boolean enabled, int failedAttempts, Instant lockedUntil) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public GridUser user(String channel) {
        return new GridUser(username, role, subjectId, districtCode, channel);
    }

    @Override
    public String toString() {
        return "Account[" + username + ", " + role + "]";
    }
}
