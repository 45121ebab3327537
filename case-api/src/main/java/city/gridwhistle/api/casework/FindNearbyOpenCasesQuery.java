package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.GeoPoint;

/**
 * Open cases near a point, nearest first, that a rider about to report could follow instead. The category is
 * optional (null: any). Each answered as much as the viewer sees of it: for a case they have no part in, the public
 * view without photos (what it is and how far it got, never who handles it).
 */
public record FindNearbyOpenCasesQuery(GeoPoint point, int radiusMeters, String categoryCode, Actor viewer) {

    public static final int MAX_RADIUS_METERS = 2000;
}
