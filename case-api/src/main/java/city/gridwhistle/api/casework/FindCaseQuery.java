package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;

/**
 * One case by id, as the viewer may see it; answered with a {@link CaseView}, or nothing when there is no such
 * case or the viewer may not see it (the two are indistinguishable on purpose).
 */
public record FindCaseQuery(String caseId, Actor viewer) {
}
