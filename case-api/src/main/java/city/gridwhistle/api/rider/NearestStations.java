package city.gridwhistle.api.rider;

import java.util.List;

/** Stations nearest first, each with its great-circle distance from the point asked about. */
public record NearestStations(List<NearbyStation> stations) {
}
