package city.gridwhistle.api.audit;

import city.gridwhistle.api.shared.Actor;

/**
 * Every event of a case, oldest first, read from the event store; answered with a {@link CaseHistory}, or nothing
 * when there is no such case or the viewer may not audit it (supervisors of its district and administrators may).
 */
public record FindCaseHistoryQuery(String caseId, Actor viewer) {
}
