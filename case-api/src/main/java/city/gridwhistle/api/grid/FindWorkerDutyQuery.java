package city.gridwhistle.api.grid;

/** Whether a grid worker is on duty now, and since when; answered with a {@link WorkerDuty}. */
public record FindWorkerDutyQuery(String workerId) {
}
