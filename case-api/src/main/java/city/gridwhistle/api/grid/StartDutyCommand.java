package city.gridwhistle.api.grid;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A grid worker goes on duty and starts receiving cases of their cells. Sent by the worker themself or a supervisor. */
public record StartDutyCommand(@TargetAggregateIdentifier String workerId, Actor actor) {
}
