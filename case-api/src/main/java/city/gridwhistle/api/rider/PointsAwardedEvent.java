package city.gridwhistle.api.rider;

import java.time.Instant;

/** Points were credited to a rider; balance is the ledger's total after this entry. */
public record PointsAwardedEvent(String riderId, String caseId, int points, PointsReason reason, int balance, Instant at) {
}
