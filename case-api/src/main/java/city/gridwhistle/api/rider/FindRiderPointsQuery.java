package city.gridwhistle.api.rider;

import city.gridwhistle.api.shared.Actor;

/**
 * A rider's points ledger, every entry with its reason; answered with a {@link RiderPoints}, or nothing when there
 * is no such rider or the viewer may not read their ledger: the rider themself, a supervisor of the district the
 * rider registered in (every district, for a city supervisor) and administrators may.
 */
public record FindRiderPointsQuery(String riderId, Actor viewer) {
}
