package city.gridwhistle.api.rider;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a rider under a pseudonymous handle. Name and phone are personal data and never enter the events.
 */
public record RegisterRiderCommand(@TargetAggregateIdentifier String riderId, String handle, String platform, String districtCode) {
}
