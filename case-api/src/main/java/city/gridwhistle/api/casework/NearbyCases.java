package city.gridwhistle.api.casework;

import java.util.List;

/** Open cases near a point, nearest first, each with its distance in metres. */
public record NearbyCases(List<Nearby> cases) {

    public record Nearby(CaseView view, int distanceMeters) {
    }
}
