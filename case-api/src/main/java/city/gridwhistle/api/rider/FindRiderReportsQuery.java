package city.gridwhistle.api.rider;

/**
 * The reports a rider filed or corroborated, with the photos each carried: what an administrator reviews by hand
 * when the rider's personal data is erased (decision 0046). Answered with {@link RiderReports}.
 */
public record FindRiderReportsQuery(String riderId) {
}
