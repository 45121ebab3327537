package city.gridwhistle.command.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.api.shared.GeoPoint;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JdbcOpenCasesTileUnitTest {

    @Test
    void twoReportsWithinTheRadiusAlwaysShareALock() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            int radius = new int[] {20, 30, 50, 100}[random.nextInt(4)];
            GeoPoint p = new GeoPoint(30.5 + random.nextDouble() * 0.5, 104 + random.nextDouble() * 0.5);
            double bearing = random.nextDouble() * 2 * Math.PI, distance = random.nextDouble() * radius;
            GeoPoint q = new GeoPoint(p.lat() + distance * Math.cos(bearing) / 110_574,
                    p.lon() + distance * Math.sin(bearing) / (111_320 * Math.cos(Math.toRadians(p.lat()))));
            if (p.distanceMetersTo(q) > radius) {
                continue;
            }
            int[] a = JdbcOpenCases.tileKeys("C0101", p, radius), b = JdbcOpenCases.tileKeys("C0101", q, radius);
            assertThat(Arrays.stream(a).anyMatch(key -> Arrays.stream(b).anyMatch(other -> other == key)))
                    .as("%s and %s, %d m apart, radius %d", p, q, (int) p.distanceMetersTo(q), radius).isTrue();
        }
    }

    @Test
    void keysAreSortedSoThatLocksAreAlwaysTakenInTheSameOrder() {
        int[] keys = JdbcOpenCases.tileKeys("E0401", new GeoPoint(30.61, 104.127), 100);
        assertThat(keys).isSorted().doesNotHaveDuplicates();
        assertThat(keys.length).isBetween(1, 9);
    }

    @Test
    void reportsOfOneCategoryFarApartTakeDifferentLocks() {
        int[] here = JdbcOpenCases.tileKeys("C0101", new GeoPoint(30.61, 104.12), 20);
        int[] there = JdbcOpenCases.tileKeys("C0101", new GeoPoint(30.65, 104.18), 20);
        assertThat(Arrays.stream(here).noneMatch(key -> Arrays.stream(there).anyMatch(other -> other == key))).isTrue();
    }
}
