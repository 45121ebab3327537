package city.gridwhistle.query.search;

import city.gridwhistle.api.casework.CaseFilters;
import city.gridwhistle.api.casework.CaseSearchResult;
import city.gridwhistle.api.casework.CaseSort;
import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.casework.SearchCasesQuery;
import city.gridwhistle.api.casework.WatchCasesQuery;
import city.gridwhistle.api.dashboard.WatchDashboardQuery;
import java.time.Instant;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** The initial answers of the live subscriptions; the updates come from {@link CaseFeed}. */
@Component
public class CaseWatchQueries {

    private final CaseSearchQueries search;

    public CaseWatchQueries(CaseSearchQueries search) {
        this.search = search;
    }

    /** The viewer's open cases, soonest due first: a worker's inbox, a supervisor's queue, a rider's reports. */
    @QueryHandler
    public CaseSearchResult handle(WatchCasesQuery query) {
        CaseFilters open = new CaseFilters(CaseStatus.OPEN, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
        return search.handle(new SearchCasesQuery(null, open, null, CaseSort.DEADLINE, null, 0,
                WatchCasesQuery.INITIAL_SIZE, null, query.viewer()));
    }

    @QueryHandler
    public Instant handle(WatchDashboardQuery query) {
        return Instant.now();
    }
}
