package city.gridwhistle.web.cases;

import city.gridwhistle.api.casework.CaseSearchResult;
import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.casework.CaseView;
import city.gridwhistle.api.casework.FindCaseQuery;
import city.gridwhistle.api.casework.SearchCasesQuery;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.web.problem.InvalidParameterException;
import java.util.Optional;
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

    private final QueryGateway queries;

    CaseController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{caseId}")
    ResponseEntity<CaseView> find(@PathVariable String caseId, Actor viewer) {
        Optional<CaseView> found = queries.query(new FindCaseQuery(caseId, viewer),
                ResponseTypes.optionalInstanceOf(CaseView.class)).join();
        return ResponseEntity.of(found);
    }

    /**
     * Searches cases.
     *
     * @param near {@code lat,lon,radiusMeters}, e.g. {@code 30.61,104.13,500}
     */
    @GetMapping
    CaseSearchResult search(@RequestParam(required = false) String q,
                            @RequestParam(required = false) CaseStatus status,
                            @RequestParam(required = false) String category,
                            @RequestParam(required = false) String cell,
                            @RequestParam(required = false) String near,
                            @RequestParam(required = false) Boolean awaitingSupervisor,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "20") int size,
                            Actor viewer) {
        Near circle = near == null ? null : Near.parse(near);
        if (size < 1 || size > SearchCasesQuery.MAX_PAGE_SIZE) {
            throw new InvalidParameterException("size", "a page has 1.." + SearchCasesQuery.MAX_PAGE_SIZE + " cases");
        }
        if (page < 0) {
            throw new InvalidParameterException("page", "pages count from 0");
        }
        return queries.query(new SearchCasesQuery(q, status, category, cell,
                        circle == null ? null : circle.center(), circle == null ? null : circle.radiusMeters(), awaitingSupervisor, page, size, viewer),
                CaseSearchResult.class).join();
    }

    private record Near(GeoPoint center, int radiusMeters) {

        static Near parse(String text) {
            String[] parts = text.split(",");
            if (parts.length != 3) {
                throw new InvalidParameterException("near", "expected lat,lon,radiusMeters");
            }
            try {
                int radius = Integer.parseInt(parts[2].trim());
                if (radius <= 0 || radius > 50_000) {
                    throw new InvalidParameterException("near", "the radius is 1..50000 metres");
                }
                return new Near(new GeoPoint(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())),
                        radius);
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("near", "expected lat,lon,radiusMeters as numbers");
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("near", e.getMessage());
            }
        }
    }
}
