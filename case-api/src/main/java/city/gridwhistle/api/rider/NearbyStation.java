package city.gridwhistle.api.rider;

/** A station and how far it is, in whole metres. */
public record NearbyStation(StationView station, int distanceMeters) {
}
