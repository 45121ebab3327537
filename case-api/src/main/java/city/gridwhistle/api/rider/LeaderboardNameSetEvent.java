package city.gridwhistle.api.rider;

import java.time.Instant;

/**
 * The rider's leaderboard name, or none when they opted out (both fields null). Since decision 0046 the name is
 * sealed under the rider's own key ({@code sealedDisplayName}, field {@link #DISPLAY_NAME}); events recorded before
 * carry it in plain ({@code displayName}) and are never rewritten.
 *
 * @param displayName       the name in plain: events recorded before decision 0046 only, null since
 * @param sealedDisplayName the name sealed under the rider's key (base64)
 */
public record LeaderboardNameSetEvent(String riderId, String displayName, Instant at, String sealedDisplayName) {

    /** The field the display name is sealed for. */
    public static final String DISPLAY_NAME = "leaderboard-name";
}
