package city.gridwhistle.api.audit;

import city.gridwhistle.api.shared.Actor;
import java.time.Instant;

/**
 * A case as it stood at an instant, rebuilt from its events appended at or before it; answered with a
 * {@link CaseAsOf}, or nothing when the case did not exist yet then, or the viewer may not audit it.
 */
public record FindCaseAsOfQuery(String caseId, Instant at, Actor viewer) {
}
