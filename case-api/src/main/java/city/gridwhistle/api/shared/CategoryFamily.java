package city.gridwhistle.api.shared;

/** The two families of the city-management classification: city assets (部件) and incidents (事件). */
public enum CategoryFamily {
    COMPONENT,
    EVENT
}
