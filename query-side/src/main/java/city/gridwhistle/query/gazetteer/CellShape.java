package city.gridwhistle.query.gazetteer;

import city.gridwhistle.api.shared.GeoPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * A cell's boundary in the plane (longitude as x, latitude as y: cells are small enough for that), and a point
 * surely inside it: the area centroid when it lies inside, else the middle of the widest stretch of the
 * east-west line through the centroid (a concave cell's centroid may fall outside it).
 */
record CellShape(List<GeoPoint> ring) {

    CellShape {
        if (ring.size() < 3) {
            throw new IllegalArgumentException("a cell's boundary has at least three points");
        }
        ring = List.copyOf(ring);
    }

    GeoPoint interiorPoint() {
        GeoPoint centroid = centroid();
        if (contains(centroid)) {
            return centroid;
        }
        double y = centroid.lat();
        List<Double> crossings = new ArrayList<>();
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            GeoPoint a = ring.get(i);
            GeoPoint b = ring.get(j);
            if ((a.lat() > y) != (b.lat() > y)) {
                crossings.add(a.lon() + (y - a.lat()) / (b.lat() - a.lat()) * (b.lon() - a.lon()));
            }
        }
        crossings.sort(null);
        double bestWidth = -1;
        double bestX = centroid.lon();
        for (int i = 0; i + 1 < crossings.size(); i += 2) {
            double width = crossings.get(i + 1) - crossings.get(i);
            if (width > bestWidth) {
                bestWidth = width;
                bestX = (crossings.get(i) + crossings.get(i + 1)) / 2;
            }
        }
        return new GeoPoint(y, bestX);
    }

    /** Even-odd rule; a point on the boundary may go either way. */
    boolean contains(GeoPoint point) {
        boolean inside = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            GeoPoint a = ring.get(i);
            GeoPoint b = ring.get(j);
            if ((a.lat() > point.lat()) != (b.lat() > point.lat())
                    && point.lon() < a.lon() + (point.lat() - a.lat()) / (b.lat() - a.lat()) * (b.lon() - a.lon())) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** The area centroid (shoelace); the vertex mean when the ring has no area. */
    GeoPoint centroid() {
        double area = 0;
        double x = 0;
        double y = 0;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            GeoPoint a = ring.get(j);
            GeoPoint b = ring.get(i);
            double cross = a.lon() * b.lat() - b.lon() * a.lat();
            area += cross;
            x += (a.lon() + b.lon()) * cross;
            y += (a.lat() + b.lat()) * cross;
        }
        if (Math.abs(area) < 1e-15) {
            return new GeoPoint(ring.stream().mapToDouble(GeoPoint::lat).average().orElseThrow(),
                    ring.stream().mapToDouble(GeoPoint::lon).average().orElseThrow());
        }
        return new GeoPoint(y / (3 * area), x / (3 * area));
    }
}
