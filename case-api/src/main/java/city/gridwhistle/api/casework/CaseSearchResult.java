package city.gridwhistle.api.casework;

import java.util.List;
import java.util.Map;

/**
 * One page of a case search: the total number of hits, the cases, highlighted snippets of the text that matched
 * (by case id, with {@code <em>} around matches), and the cursor of the next page (null on the last).
 */
public record CaseSearchResult(long total, int page, int size, List<CaseView> cases, Map<String, List<String>> highlights,
                               String nextCursor) {
}
