package city.gridwhistle.api.rider;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Credit a rider's points ledger (积分) for a case; a case credits each rider once per reason. */
public record AwardPointsCommand(@TargetAggregateIdentifier String riderId, String caseId, int points, PointsReason reason) {
}
