package city.gridwhistle.web.riders;

import city.gridwhistle.api.rider.FindRiderPointsQuery;
import city.gridwhistle.api.rider.RiderPoints;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.NotPermittedException;
import city.gridwhistle.api.shared.Role;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RiderController {

    private final QueryGateway queries;

    RiderController(QueryGateway queries) {
        this.queries = queries;
    }

    /** The rider's points (积分): balance and every entry with its reason. */
    @GetMapping("/api/riders/{riderId}/points")
    ResponseEntity<RiderPoints> points(@PathVariable String riderId, Actor viewer) {
        if (viewer.is(Role.RIDER) && !viewer.id().equals(riderId)) {
            throw new NotPermittedException("READ_POINTS", "a rider sees their own points only");
        }
        return ResponseEntity.of(queries.query(new FindRiderPointsQuery(riderId),
                ResponseTypes.optionalInstanceOf(RiderPoints.class)).join());
    }
}
