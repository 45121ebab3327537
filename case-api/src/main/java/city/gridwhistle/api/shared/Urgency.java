package city.gridwhistle.api.shared;

public enum Urgency {
    URGENT,
    NORMAL
}
