package city.gridwhistle.api.grid;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A grid worker goes off duty; new cases of their cells go to colleagues or the supervisor queue. */
public record EndDutyCommand(@TargetAggregateIdentifier String workerId) {
}
