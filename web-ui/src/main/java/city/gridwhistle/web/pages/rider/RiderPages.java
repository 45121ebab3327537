package city.gridwhistle.web.pages.rider;

import city.gridwhistle.api.casework.CaseFilters;
import city.gridwhistle.api.casework.CaseSearchResult;
import city.gridwhistle.api.casework.CaseSort;
import city.gridwhistle.api.casework.CaseView;
import city.gridwhistle.api.casework.FindCaseQuery;
import city.gridwhistle.api.casework.SearchCasesQuery;
import city.gridwhistle.api.notify.FindRiderNotificationsQuery;
import city.gridwhistle.api.notify.RiderNotifications;
import city.gridwhistle.api.rider.FindNearestStationsQuery;
import city.gridwhistle.api.rider.FindRiderPointsQuery;
import city.gridwhistle.api.rider.NearestStations;
import city.gridwhistle.api.rider.RiderPoints;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.Categories;
import city.gridwhistle.api.shared.FindCategoriesQuery;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.web.problem.InvalidParameterException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The rider's pages. What they read comes through the query gateway; what they change goes through the API. */
@Controller
@RequestMapping("/rider")
class RiderPages {

    private static final int STATIONS_SHOWN = 8;
    private static final int PENDING_ATTEMPTS = 15;

    private final QueryGateway queries;

    RiderPages(QueryGateway queries) {
        this.queries = queries;
    }

    /** File a report: photo, place, category, a few words. */
    @GetMapping
    String report(Model model) {
        model.addAttribute("categories", queries.query(new FindCategoriesQuery(), Categories.class).join().categories());
        return "rider/report";
    }

    /** The cases the rider reported, corroborated or follows, newest first. */
    @GetMapping("/reports")
    String reports(Actor me, Model model) {
        model.addAttribute("result", myCases(me));
        return "rider/reports";
    }

    /** The list alone, for the live refresh. */
    @GetMapping("/reports/list")
    String reportList(Actor me, Model model) {
        model.addAttribute("result", myCases(me));
        return "rider/reports :: list";
    }

    /**
     * One case. A case filed a moment ago may not have reached the search index yet: the page then says so and
     * looks again every two seconds, for half a minute, before it gives up (404 all along: it is not there yet).
     */
    @GetMapping("/cases/{caseId}")
    String caseView(@PathVariable String caseId, @RequestParam(name = "try", defaultValue = "0") int attempt, Actor me,
                    Model model, HttpServletResponse response) {
        Optional<CaseView> found = queries.query(new FindCaseQuery(caseId, me),
                ResponseTypes.optionalInstanceOf(CaseView.class)).join();
        if (found.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("caseId", caseId);
            model.addAttribute("next", attempt < PENDING_ATTEMPTS ? attempt + 1 : null);
            return "rider/case-pending";
        }
        model.addAttribute("c", found.get());
        return "rider/case";
    }

    @GetMapping("/inbox")
    String inbox(Actor me, Model model) {
        model.addAttribute("inbox", queries.query(new FindRiderNotificationsQuery(me, 0, 50), RiderNotifications.class)
                .join());
        return "rider/inbox";
    }

    @GetMapping("/points")
    String points(Actor me, Model model) {
        model.addAttribute("points", queries.query(new FindRiderPointsQuery(me.id(), me), RiderPoints.class).join());
        return "rider/points";
    }

    @GetMapping("/stations")
    String stations() {
        return "rider/stations";
    }

    /** The nearest stations to where the phone is, open now first; asked for by the page once it knows the place. */
    @GetMapping("/stations/nearest")
    String nearestStations(@RequestParam double lat, @RequestParam double lon, Model model) {
        GeoPoint here;
        try {
            here = new GeoPoint(lat, lon);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("lat,lon", e.getMessage());
        }
        model.addAttribute("nearest", queries.query(new FindNearestStationsQuery(here, STATIONS_SHOWN, null, false,
                Instant.now()), NearestStations.class).join());
        return "rider/stations :: list";
    }

    private CaseSearchResult myCases(Actor me) {
        return queries.query(new SearchCasesQuery(null, CaseFilters.NONE, null, CaseSort.NEWEST, null, 0, 50, null, me),
                CaseSearchResult.class).join();
    }
}
