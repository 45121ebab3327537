package city.gridwhistle.api.grid;

/**
 * The grid cells to draw on a map, marked as the given worker's own when they are responsible for them.
 *
 * @param workerId the worker whose cells are marked, or null to mark none
 */
public record FindGridMapQuery(String workerId) {
}
