package city.gridwhistle.api.grid;

import java.util.Set;

public record GridWorkerEnrolledEvent(String workerId, String displayName, Set<String> cellCodes) {
}
