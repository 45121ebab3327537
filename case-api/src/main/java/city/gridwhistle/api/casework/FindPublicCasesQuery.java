package city.gridwhistle.api.casework;

import java.util.List;

/**
 * Cases on the public record (every case but a voided one), newest first, as {@link PublicCase}s: those with the
 * given ids when there are any (other filters are then ignored), else those matching the filters. Answered with
 * {@link PublicCases}.
 */
public record FindPublicCasesQuery(List<String> caseIds, CaseFilters filters, int page, int size) {

    public static final int MAX_PAGE_SIZE = 100;

    public FindPublicCasesQuery {
        caseIds = caseIds == null ? List.of() : List.copyOf(caseIds);
        filters = filters == null ? CaseFilters.NONE : filters;
        if (caseIds.size() > MAX_PAGE_SIZE || size < 1 || size > MAX_PAGE_SIZE || page < 0) {
            throw new IllegalArgumentException("at most " + MAX_PAGE_SIZE + " cases a page, pages from 0");
        }
    }
}
