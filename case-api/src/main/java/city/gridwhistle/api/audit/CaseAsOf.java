package city.gridwhistle.api.audit;

import city.gridwhistle.api.casework.CaseView;
import java.time.Instant;

/** A case's state at an instant; {@code state.version()} is the sequence number of the last event counted. */
public record CaseAsOf(String caseId, Instant at, CaseView state) {
}
