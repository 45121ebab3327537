package city.gridwhistle.api.rider;

import java.util.List;

/** The stations within a bounding box, by id. */
public record StationsInBox(List<StationView> stations) {
}
