package city.gridwhistle.api.rider;

import java.time.Instant;

/** The rider's leaderboard name, or null when they opted out. */
public record LeaderboardNameSetEvent(String riderId, String displayName, Instant at) {
}
