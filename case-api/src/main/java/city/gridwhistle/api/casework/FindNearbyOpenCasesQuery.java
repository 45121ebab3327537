package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.GeoPoint;

/**
 * Open cases near a point, nearest first, that a rider about to report could follow instead. The category is
 * optional (null: any). Answered in the public view: what a case is and how far it got, never who handles it.
 */
public record FindNearbyOpenCasesQuery(GeoPoint point, int radiusMeters, String categoryCode) {

    public static final int MAX_RADIUS_METERS = 2000;
}
