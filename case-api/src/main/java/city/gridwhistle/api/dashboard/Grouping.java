package city.gridwhistle.api.dashboard;

/** The units figures are grouped by. */
public enum Grouping {
    DISTRICT,
    STREET,
    COMMUNITY,
    CELL,
    CATEGORY,
    WORKER
}
