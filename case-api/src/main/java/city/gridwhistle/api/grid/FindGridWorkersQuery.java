package city.gridwhistle.api.grid;

/** Every grid worker with their cells, duty and open cases, by worker id; answered with {@link GridWorkers}. */
public record FindGridWorkersQuery() {
}
