package city.gridwhistle.api.rider;

import java.time.YearMonth;

/** The riders of a district who earned the most points in a month (city time), opted-in riders only. */
public record FindLeaderboardQuery(String districtCode, YearMonth month, int limit) {

    public static final int MAX_LIMIT = 100;
}
