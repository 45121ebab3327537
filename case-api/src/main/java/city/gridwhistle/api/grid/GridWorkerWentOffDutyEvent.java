package city.gridwhistle.api.grid;

import java.time.Instant;

public record GridWorkerWentOffDutyEvent(String workerId, Instant at) {
}
