package city.gridwhistle.api.grid;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A grid worker goes off duty; new cases of their cells go to colleagues or the supervisor queue. Sent by the worker themself or a supervisor. */
public record EndDutyCommand(@TargetAggregateIdentifier String workerId, Actor actor) {
}
