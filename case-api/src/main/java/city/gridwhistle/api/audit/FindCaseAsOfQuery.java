package city.gridwhistle.api.audit;

import city.gridwhistle.api.shared.Actor;
import java.time.Instant;

/**
 * A case as it stood at a point of its history, rebuilt from its events up to that point; answered with a
 * {@link CaseAsOf}, or nothing when the case did not exist yet then, or the viewer may not audit it.
 */
public record FindCaseAsOfQuery(String caseId, HistoryPoint point, Actor viewer) {

    public FindCaseAsOfQuery(String caseId, Instant at, Actor viewer) {
        this(caseId, HistoryPoint.at(at), viewer);
    }
}
