package city.gridwhistle.api.rider;

import java.time.Instant;
import java.util.List;

/** A rider's balance and ledger, oldest entry first. */
public record RiderPoints(String riderId, int balance, List<Entry> entries) {

    public record Entry(String caseId, int points, PointsReason reason, int balance, Instant at) {
    }
}
