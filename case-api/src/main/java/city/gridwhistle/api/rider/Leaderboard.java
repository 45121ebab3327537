package city.gridwhistle.api.rider;

import java.time.YearMonth;
import java.util.List;

/** Ranked entries; equal points share a rank. Only display names riders chose are shown. */
public record Leaderboard(String districtCode, YearMonth month, List<Entry> entries) {

    public record Entry(int rank, String displayName, int points) {
    }
}
