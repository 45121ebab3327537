package city.gridwhistle.api.dashboard;

import java.time.LocalDate;
import java.util.List;

/** One point per interval, oldest first; {@code start} is the interval's first day. */
public record Trend(TrendInterval interval, List<Point> points) {

    public record Point(LocalDate start, long reported, long registered, long closed) {
    }
}
