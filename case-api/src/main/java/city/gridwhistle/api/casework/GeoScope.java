package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.GeoPoint;

/** Where: within a radius of a point, or within a bounding box (north-west and south-east corners). */
public record GeoScope(GeoPoint center, Integer radiusMeters, GeoPoint northWest, GeoPoint southEast) {

    public static GeoScope within(GeoPoint center, int radiusMeters) {
        return new GeoScope(center, radiusMeters, null, null);
    }

    public static GeoScope box(GeoPoint northWest, GeoPoint southEast) {
        return new GeoScope(null, null, northWest, southEast);
    }

    public boolean isCircle() {
        return center != null && radiusMeters != null;
    }

    public boolean isBox() {
        return northWest != null && southEast != null;
    }
}
