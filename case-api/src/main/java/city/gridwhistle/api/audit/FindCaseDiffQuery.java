package city.gridwhistle.api.audit;

import city.gridwhistle.api.shared.Actor;
import java.time.Instant;

/**
 * What changed in a case between two points of its history; answered with a {@link CaseDiff}, or nothing when the
 * case did not exist yet at either point, or the viewer may not audit it.
 */
public record FindCaseDiffQuery(String caseId, HistoryPoint from, HistoryPoint to, Actor viewer) {

    public FindCaseDiffQuery(String caseId, Instant from, Instant to, Actor viewer) {
        this(caseId, HistoryPoint.at(from), HistoryPoint.at(to), viewer);
    }
}
