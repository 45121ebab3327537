package city.gridwhistle.api.grid;

/**
 * Where a free-text address lies, by the grid's own gazetteer: the text names a grid cell (粮丰社区02网格) or a
 * community (粮丰社区), and the answer is a point inside that cell or community. Answered with an optional
 * {@link LocatedAddress}: empty when the text names no cell or community of the grid.
 */
public record LocateAddressQuery(String text) {
}
