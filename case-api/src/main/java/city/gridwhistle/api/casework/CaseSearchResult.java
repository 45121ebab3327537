package city.gridwhistle.api.casework;

import java.util.List;

/** One page of a case search with the total number of hits. */
public record CaseSearchResult(long total, int page, int size, List<CaseView> cases) {
}
