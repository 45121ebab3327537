package city.gridwhistle.api.grid;

import java.time.Instant;

public record GridWorkerWentOnDutyEvent(String workerId, Instant at) {
}
