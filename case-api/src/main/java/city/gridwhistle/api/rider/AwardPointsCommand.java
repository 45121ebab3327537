package city.gridwhistle.api.rider;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Credit a rider's points ledger (积分) for a case; a case credits each rider once per reason, and no rider earns
 * more than {@code dailyCap} points in one day (city time).
 */
public record AwardPointsCommand(@TargetAggregateIdentifier String riderId, String caseId, int points, PointsReason reason,
                                 int dailyCap) {

    /** Without a daily cap. */
    public AwardPointsCommand(String riderId, String caseId, int points, PointsReason reason) {
        this(riderId, caseId, points, reason, Integer.MAX_VALUE);
    }
}
