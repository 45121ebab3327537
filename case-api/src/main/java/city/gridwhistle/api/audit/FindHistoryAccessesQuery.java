package city.gridwhistle.api.audit;

import city.gridwhistle.api.shared.Actor;

/**
 * Who viewed or exported a case's history, oldest first; answered with {@link HistoryAccesses}, or nothing when
 * there is no such case or the viewer may not audit it.
 */
public record FindHistoryAccessesQuery(String caseId, Actor viewer) {
}
