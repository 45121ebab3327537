package city.gridwhistle.query.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import city.gridwhistle.api.shared.GeoPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellShapeTest {

    @Test
    void aSquaresInnerPointIsItsCentre() {
        CellShape square = new CellShape(List.of(new GeoPoint(30.0, 104.0), new GeoPoint(30.0, 104.2),
                new GeoPoint(30.2, 104.2), new GeoPoint(30.2, 104.0)));
        GeoPoint inner = square.interiorPoint();
        assertThat(inner.lat()).isCloseTo(30.1, within(1e-9));
        assertThat(inner.lon()).isCloseTo(104.1, within(1e-9));
    }

    @Test
    void aConcaveCellsInnerPointLiesInsideItEvenWhenItsCentroidDoesNot() {
        // a U open to the north: the centroid falls in the notch
        CellShape u = new CellShape(List.of(new GeoPoint(0, 0), new GeoPoint(0, 3), new GeoPoint(3, 3),
                new GeoPoint(3, 2), new GeoPoint(0.5, 2), new GeoPoint(0.5, 1), new GeoPoint(3, 1), new GeoPoint(3, 0)));
        assertThat(u.contains(u.centroid())).isFalse();
        assertThat(u.contains(u.interiorPoint())).isTrue();
    }
}
