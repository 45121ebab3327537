package city.gridwhistle.api.dashboard;

public enum TrendInterval {
    DAY,
    WEEK,
    MONTH
}
