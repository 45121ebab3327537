package city.gridwhistle.web.riders;

import city.gridwhistle.api.rider.FindRiderPointsQuery;
import city.gridwhistle.api.rider.RiderPoints;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.NoSuchRecordException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RiderController {

    private final QueryGateway queries;

    RiderController(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * The rider's points (积分): balance and every entry with its reason. For the rider, a supervisor of their
     * district and administrators; to anyone else there is no such rider.
     */
    @GetMapping("/api/riders/{riderId}/points")
    RiderPoints points(@PathVariable String riderId, Actor viewer) {
        return queries.query(new FindRiderPointsQuery(riderId, viewer),
                ResponseTypes.optionalInstanceOf(RiderPoints.class)).join()
                .orElseThrow(() -> new NoSuchRecordException("rider"));
    }
}
