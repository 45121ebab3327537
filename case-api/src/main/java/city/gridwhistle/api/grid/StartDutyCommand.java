package city.gridwhistle.api.grid;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A grid worker goes on duty and starts receiving cases of their cells. */
public record StartDutyCommand(@TargetAggregateIdentifier String workerId) {
}
