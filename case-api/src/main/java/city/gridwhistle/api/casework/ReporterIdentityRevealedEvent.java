package city.gridwhistle.api.casework;

import java.time.Instant;

/** A supervisor looked at who reported the case: who looked, when and why. */
public record ReporterIdentityRevealedEvent(String caseId, String reporterId, String viewerId, String reason, Instant at) {
}
