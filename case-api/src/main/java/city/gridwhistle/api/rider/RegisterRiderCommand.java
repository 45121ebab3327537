package city.gridwhistle.api.rider;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a rider under a pseudonymous handle. Name and phone are personal data: they are stored apart from the
 * events and never enter them. The handle enters the rider's stream sealed under the rider's key.
 */
public record RegisterRiderCommand(@TargetAggregateIdentifier String riderId, String handle, String platform,
                                   String districtCode, String name, String phone) {

    @Override
    public String toString() {
        // personal data stays out of logs, too
        return "RegisterRiderCommand[riderId=" + riderId + "]";
    }
}
