package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.GeoPoint;

/**
 * Cases matching free text (description, address, notes; Chinese and English), filters and a place, in an order,
 * limited to what the viewer may see. Pages either by number (shallow) or by the {@code cursor} of the previous
 * page, which stays stable however deep (search_after).
 *
 * @param from   the point distances are measured from (for {@link CaseSort#DISTANCE}); defaults to the circle's centre
 * @param cursor the {@code nextCursor} of the previous page, or null for the first
 */
public record SearchCasesQuery(
        String text,
        CaseFilters filters,
        GeoScope geo,
        CaseSort sort,
        GeoPoint from,
        int page,
        int size,
        String cursor,
        Actor viewer) {

    public static final int MAX_PAGE_SIZE = 100;
    /**
     * The longest free text searched, in characters. Each character yields at most one term, and each term a clause
     * per searched field: this keeps a query well inside the index's limit on clauses, however the text is made up.
     */
    public static final int MAX_TEXT_LENGTH = 100;

    public SearchCasesQuery {
        filters = filters == null ? CaseFilters.NONE : filters;
        sort = sort == null ? CaseSort.NEWEST : sort;
    }
}
