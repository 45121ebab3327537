package city.gridwhistle.api.casework;

/** One case by id; answered with a {@link CaseView} or nothing. */
public record FindCaseQuery(String caseId) {
}
