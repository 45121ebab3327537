package city.gridwhistle.web.cases;

import city.gridwhistle.api.casework.CaseFilters;
import city.gridwhistle.api.casework.CaseSearchResult;
import city.gridwhistle.api.casework.CaseSort;
import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.casework.CaseView;
import city.gridwhistle.api.casework.FindCaseQuery;
import city.gridwhistle.api.casework.GeoScope;
import city.gridwhistle.api.casework.SearchCasesQuery;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.CategoryFamily;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.web.RequestValues;
import city.gridwhistle.web.problem.InvalidParameterException;
import city.gridwhistle.web.problem.NotFoundException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cases as the search index holds them, eventually consistent with the event store (usually within a second),
 * limited to what the caller may see: the query side filters by the caller.
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    /** Elasticsearch's window for from+size paging; deeper pages go by cursor. */
    private static final int MAX_PAGED_RESULTS = 10_000;

    private final QueryGateway queries;

    CaseController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{caseId}")
    ResponseEntity<CaseView> find(@PathVariable String caseId, Actor viewer) {
        Optional<CaseView> found = queries.query(new FindCaseQuery(caseId, viewer),
                ResponseTypes.optionalInstanceOf(CaseView.class)).join();
        return found.map(view -> ResponseEntity.ok().eTag(CaseETag.of(view.version())).body(view))
                .orElseThrow(() -> new NotFoundException("no such case"));
    }

    /**
     * Searches cases.
     *
     * @param status   one or more states (repeat the parameter)
     * @param from     reported at or after: an ISO instant or a date (city time)
     * @param to       reported before: an ISO instant or a date (that whole day is excluded)
     * @param near     {@code lat,lon,radiusMeters}, e.g. {@code 30.61,104.13,500}
     * @param bbox     {@code north,west,south,east}
     * @param at       {@code lat,lon} to measure distances from (sort=DISTANCE); defaults to the centre of near
     * @param cursor   the {@code nextCursor} of the previous page
     */
    @GetMapping
    CaseSearchResult search(@RequestParam(required = false) String q,
                            @RequestParam(required = false) Set<CaseStatus> status,
                            @RequestParam(required = false) CategoryFamily family,
                            @RequestParam(required = false) String major,
                            @RequestParam(required = false) String category,
                            @RequestParam(required = false) String district,
                            @RequestParam(required = false) String street,
                            @RequestParam(required = false) String community,
                            @RequestParam(required = false) String cell,
                            @RequestParam(required = false) String worker,
                            @RequestParam(required = false) String urgency,
                            @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to,
                            @RequestParam(required = false) Boolean overdue,
                            @RequestParam(required = false) Boolean awaitingSupervisor,
                            @RequestParam(required = false) String near,
                            @RequestParam(required = false) String bbox,
                            @RequestParam(required = false) String at,
                            @RequestParam(defaultValue = "NEWEST") CaseSort sort,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "20") int size,
                            @RequestParam(required = false) String cursor,
                            Actor viewer) {
        if (size < 1 || size > SearchCasesQuery.MAX_PAGE_SIZE) {
            throw new InvalidParameterException("size", "a page has 1.." + SearchCasesQuery.MAX_PAGE_SIZE + " cases");
        }
        if (page < 0) {
            throw new InvalidParameterException("page", "pages count from 0");
        }
        // in long: page + 1 overflows int at the largest page number
        if (((long) page + 1) * size > MAX_PAGED_RESULTS) {
            throw new InvalidParameterException("page", "pages by number reach " + MAX_PAGED_RESULTS
                    + " cases; page deeper with cursor (the nextCursor of the previous page)");
        }
        if (worker != null && !worker.isBlank() && (viewer == null || viewer.is(Role.RIDER) || viewer.is(Role.PARTNER))) {
            // who handles a case is not part of its public view, so it is no filter of it either
            throw new InvalidParameterException("worker", "riders and partners cannot search by grid worker");
        }
        if (near != null && bbox != null) {
            throw new InvalidParameterException("bbox", "give either near or bbox, not both");
        }
        GeoScope geo = near != null ? RequestValues.circle("near", near) : bbox != null ? box(bbox) : null;
        GeoPoint origin = at != null ? RequestValues.point("at", at) : null;
        if (sort == CaseSort.DISTANCE && origin == null && (geo == null || !geo.isCircle())) {
            throw new InvalidParameterException("sort", "sorting by distance needs near or at");
        }
        // "status=" binds to a null state: no filter, rather than a set that cannot hold it
        Set<CaseStatus> states = status == null ? Set.of()
                : status.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
        CaseFilters filters = new CaseFilters(states.isEmpty() ? null : states, family, major, category, district, street, community, cell,
                worker, urgency, RequestValues.instant("from", from), RequestValues.instant("to", to), overdue,
                awaitingSupervisor);
        try {
            String text = RequestValues.searchText("q", q);
            return queries.query(new SearchCasesQuery(text, filters, geo, sort, origin, page, size, cursor, viewer),
                    CaseSearchResult.class).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) {
                throw new InvalidParameterException("cursor", bad.getMessage());
            }
            throw e;
        }
    }

    private static GeoScope box(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new InvalidParameterException("bbox", "expected north,west,south,east");
        }
        GeoPoint northWest = RequestValues.point("bbox", parts[0] + "," + parts[1]);
        GeoPoint southEast = RequestValues.point("bbox", parts[2] + "," + parts[3]);
        if (northWest.lat() <= southEast.lat() || northWest.lon() >= southEast.lon()) {
            throw new InvalidParameterException("bbox", "north must be above south and west left of east");
        }
        return GeoScope.box(northWest, southEast);
    }
}
