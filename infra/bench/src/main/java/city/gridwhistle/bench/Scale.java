package city.gridwhistle.bench;

import java.time.Duration;
import java.util.List;

/** How big and how long: the quick scale runs in minutes (CI, development), the full one at 1 M cases. */
record Scale(String name, int citySide, long preloadCases, List<Integer> concurrency, Duration l1, Duration s1Warm,
             Duration s1, Duration s2, Duration s45, int l3Docs, int s6Notes, Duration soak, Duration l4) {

    static Scale named(String name) {
        return switch (name) {
            case "quick" -> new Scale("quick", 50, 0, List.of(1, 2, 4, 8, 16, 32), Duration.ofSeconds(4),
                    Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(15),
                    20_000, 1_010, Duration.ofSeconds(60), Duration.ofSeconds(5));
            case "full" -> new Scale("full", 100, 1_000_000, List.of(1, 2, 4, 8, 16, 32), Duration.ofSeconds(10),
                    Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(30),
                    200_000, 1_010, Duration.ofMinutes(10), Duration.ofSeconds(15));
            default -> throw new IllegalArgumentException("scale is quick or full");
        };
    }

    Scale withPreload(long cases) {
        return new Scale(name, citySide, cases, concurrency, l1, s1Warm, s1, s2, s45, l3Docs, s6Notes, soak, l4);
    }

    Scale withSoak(Duration duration) {
        return new Scale(name, citySide, preloadCases, concurrency, l1, s1Warm, s1, s2, s45, l3Docs, s6Notes, duration, l4);
    }
}
