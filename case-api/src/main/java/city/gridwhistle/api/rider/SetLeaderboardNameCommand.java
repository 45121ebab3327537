package city.gridwhistle.api.rider;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A rider opts in to the leaderboard under a display name of their choosing, or out again (null). Riders who
 * have not opted in never appear on it.
 */
public record SetLeaderboardNameCommand(@TargetAggregateIdentifier String riderId, String displayName, Actor actor) {

    public static final int MAX_LENGTH = 20;
}
