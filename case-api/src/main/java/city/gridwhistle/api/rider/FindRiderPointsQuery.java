package city.gridwhistle.api.rider;

/** A rider's points ledger, every entry with its reason; answered with a {@link RiderPoints}. */
public record FindRiderPointsQuery(String riderId) {
}
