package city.gridwhistle.web.stations;

import city.gridwhistle.api.rider.FindNearestStationsQuery;
import city.gridwhistle.api.rider.FindStationQuery;
import city.gridwhistle.api.rider.FindStationsInBoxQuery;
import city.gridwhistle.api.rider.NearestStations;
import city.gridwhistle.api.rider.StationView;
import city.gridwhistle.api.rider.StationsInBox;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.web.RequestValues;
import city.gridwhistle.web.problem.InvalidParameterException;
import city.gridwhistle.web.problem.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The station directory for every signed-in caller, eventually consistent with the event store (usually within a
 * second). "Open" is judged in city time (Asia/Shanghai) now, or at {@code at}: an ISO instant, or a date.
 */
@RestController
@RequestMapping("/api/stations")
class StationController {

    private final QueryGateway queries;

    StationController(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * The stations nearest to a point, nearest first, with their distance in metres.
     *
     * @param service one or more service codes the station must all offer (repeat or separate by commas)
     * @param openNow only stations open now (or at {@code at}); out-of-service stations never are
     */
    @GetMapping("/nearest")
    NearestStations nearest(@RequestParam double lat,
                            @RequestParam double lon,
                            @RequestParam(defaultValue = "5") int limit,
                            @RequestParam(required = false) List<String> service,
                            @RequestParam(defaultValue = "false") boolean openNow,
                            @RequestParam(required = false) String at) {
        if (limit < 1 || limit > FindNearestStationsQuery.MAX_LIMIT) {
            throw new InvalidParameterException("limit", "1.." + FindNearestStationsQuery.MAX_LIMIT + " stations");
        }
        GeoPoint point = RequestValues.point("lat", lat + "," + lon);
        return queries.query(new FindNearestStationsQuery(point, limit, services(service), openNow, instant(at)),
                NearestStations.class).join();
    }

    @GetMapping("/{stationId}")
    ResponseEntity<StationView> find(@PathVariable String stationId, @RequestParam(required = false) String at) {
        return ResponseEntity.ok(queries.query(new FindStationQuery(stationId, instant(at)),
                ResponseTypes.optionalInstanceOf(StationView.class)).join()
                .orElseThrow(() -> new NotFoundException("no station " + stationId)));
    }

    /** Every station within {@code bbox=north,west,south,east}, for a map. */
    @GetMapping
    StationsInBox inBox(@RequestParam String bbox,
                        @RequestParam(required = false) List<String> service,
                        @RequestParam(required = false) String at) {
        String[] parts = bbox.split(",");
        if (parts.length != 4) {
            throw new InvalidParameterException("bbox", "expected north,west,south,east");
        }
        GeoPoint northWest = RequestValues.point("bbox", parts[0] + "," + parts[1]);
        GeoPoint southEast = RequestValues.point("bbox", parts[2] + "," + parts[3]);
        if (northWest.lat() <= southEast.lat() || northWest.lon() >= southEast.lon()) {
            throw new InvalidParameterException("bbox", "north must be above south and west left of east");
        }
        return queries.query(new FindStationsInBoxQuery(northWest, southEast, services(service), instant(at)),
                StationsInBox.class).join();
    }

    private static Set<String> services(List<String> codes) {
        return codes == null ? Set.of() : codes.stream().map(String::strip).filter(code -> !code.isEmpty())
                .map(code -> code.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    private static Instant instant(String text) {
        return RequestValues.instant("at", text);
    }
}
