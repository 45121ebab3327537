package city.gridwhistle.api.casework;

import java.time.Instant;
import java.util.List;

/**
 * Cases on the public record as {@link PublicCase}s: those with the given ids when there are any (other filters are
 * then ignored), else those matching the filters. A voided or merged case is on it only as a tombstone (its id,
 * state and times; decision 0050), so that a client that imported it learns it ended. With {@code updatedFrom}
 * or {@code updatedTo}, only cases last modified in {@code [updatedFrom, updatedTo)}, the least recently modified
 * first; otherwise newest reported first. With {@code reporterId} (a partner reading, decision 0050), the cases it
 * reported carry their report's photo hashes, and no other case does. Answered with {@link PublicCases}.
 */
public record FindPublicCasesQuery(List<String> caseIds, CaseFilters filters, Instant updatedFrom, Instant updatedTo,
                                   String reporterId, int page, int size) {

    public static final int MAX_PAGE_SIZE = 100;

    public FindPublicCasesQuery {
        caseIds = caseIds == null ? List.of() : List.copyOf(caseIds);
        filters = filters == null ? CaseFilters.NONE : filters;
        if (caseIds.size() > MAX_PAGE_SIZE || size < 1 || size > MAX_PAGE_SIZE || page < 0) {
            throw new IllegalArgumentException("at most " + MAX_PAGE_SIZE + " cases a page, pages from 0");
        }
    }

    public FindPublicCasesQuery(List<String> caseIds, CaseFilters filters, int page, int size) {
        this(caseIds, filters, null, null, null, page, size);
    }

    /** Whether the cases are chosen by when they were last modified. */
    public boolean byUpdated() {
        return updatedFrom != null || updatedTo != null;
    }
}
