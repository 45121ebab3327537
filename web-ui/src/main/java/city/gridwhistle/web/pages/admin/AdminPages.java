package city.gridwhistle.web.pages.admin;

import city.gridwhistle.api.category.CategoryChanges;
import city.gridwhistle.api.category.CategoryListing;
import city.gridwhistle.api.category.FindCategoryChangesQuery;
import city.gridwhistle.api.category.FindCategoryListingQuery;
import city.gridwhistle.api.grid.FindGridMapQuery;
import city.gridwhistle.api.grid.FindGridWorkersQuery;
import city.gridwhistle.api.grid.GridMap;
import city.gridwhistle.api.grid.GridWorkers;
import city.gridwhistle.api.rider.FindStationsInBoxQuery;
import city.gridwhistle.api.rider.StationView;
import city.gridwhistle.api.rider.StationsInBox;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.api.shared.LimitUnit;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.api.shared.Urgency;
import city.gridwhistle.web.security.Account;
import city.gridwhistle.web.security.Accounts;
import city.gridwhistle.web.security.ApiKeys;
import city.gridwhistle.web.security.StaffNames;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The administrators' pages. Each list is also served alone ({@code …/list}), for the page to refresh after its
 * script has made a change through the API.
 */
@Controller
@RequestMapping("/admin")
class AdminPages {

    /** Every station on Earth: the directory is a city's few hundred. */
    private static final FindStationsInBoxQuery ALL_STATIONS = new FindStationsInBoxQuery(new GeoPoint(90, -180),
            new GeoPoint(-90, 180), null, null);
    private static final int CHANGES_SHOWN = 20;
    /** Roles a person's account may have; partners get API keys and SYSTEM is nobody. */
    static final List<Role> PERSON_ROLES = List.of(Role.RIDER, Role.GRID_WORKER, Role.SUPERVISOR, Role.ADMIN);

    private final QueryGateway queries;
    private final Accounts accounts;
    private final ApiKeys apiKeys;
    private final StaffNames staffNames;

    AdminPages(QueryGateway queries, Accounts accounts, ApiKeys apiKeys, StaffNames staffNames) {
        this.queries = queries;
        this.accounts = accounts;
        this.apiKeys = apiKeys;
        this.staffNames = staffNames;
    }

    @GetMapping
    String accounts(Model model) {
        model.addAttribute("roles", PERSON_ROLES);
        accountList(model);
        return "admin/accounts";
    }

    @GetMapping("/accounts/list")
    String accountList(Model model) {
        model.addAttribute("accounts", accounts.all().stream().sorted(Comparator.comparing(Account::username)).toList());
        return "admin/accounts :: list";
    }

    @GetMapping("/grid")
    String grid(Model model) {
        cells(model);
        workers(model);
        return "admin/grid";
    }

    @GetMapping("/grid/cells")
    String cells(Model model) {
        model.addAttribute("cells", queries.query(new FindGridMapQuery(null), GridMap.class).join().cells());
        return "admin/grid :: cells";
    }

    @GetMapping("/grid/workers")
    String workers(Model model) {
        model.addAttribute("workers", queries.query(new FindGridWorkersQuery(), GridWorkers.class).join().workers());
        return "admin/grid :: workers";
    }

    @GetMapping("/categories")
    String categories(Model model) {
        model.addAttribute("units", LimitUnit.values());
        model.addAttribute("urgencies", Urgency.values());
        categoryList(model);
        return "admin/categories";
    }

    @GetMapping("/categories/list")
    String categoryList(Model model) {
        model.addAttribute("units", LimitUnit.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("categories", queries.query(new FindCategoryListingQuery(), CategoryListing.class).join()
                .categories());
        model.addAttribute("changes", staffNames.named(queries.query(new FindCategoryChangesQuery(null, CHANGES_SHOWN),
                CategoryChanges.class).join()).changes());
        return "admin/categories :: list";
    }

    @GetMapping("/stations")
    String stations(Model model) {
        stationList(model);
        return "admin/stations";
    }

    @GetMapping("/stations/list")
    String stationList(Model model) {
        List<StationView> stations = queries.query(ALL_STATIONS, StationsInBox.class).join().stations().stream()
                .sorted(Comparator.comparing(StationView::stationId)).toList();
        model.addAttribute("stations", stations);
        return "admin/stations :: list";
    }

    @GetMapping("/api-keys")
    String apiKeys(Model model) {
        apiKeyList(model);
        return "admin/api-keys";
    }

    @GetMapping("/api-keys/list")
    String apiKeyList(Model model) {
        model.addAttribute("keys", apiKeys.all());
        model.addAttribute("now", Instant.now());
        return "admin/api-keys :: list";
    }
}
