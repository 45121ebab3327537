package city.gridwhistle.command.rider;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import city.gridwhistle.api.rider.RegisterRiderCommand;
import city.gridwhistle.api.rider.RiderRegisteredEvent;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.CommandRejectedException.Reason;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A rider known by a pseudonymous handle; the points ledger will live here. */
@Aggregate
public class Rider {

    @AggregateIdentifier
    private String riderId;

    protected Rider() {
        // for Axon
    }

    @CommandHandler
    public Rider(RegisterRiderCommand command) {
        if (command.handle() == null || command.handle().isBlank()) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "handle", "a rider needs a handle");
        }
        apply(new RiderRegisteredEvent(command.riderId(), command.handle(), command.platform(), command.districtCode()));
    }

    @EventSourcingHandler
    void on(RiderRegisteredEvent event) {
        riderId = event.riderId();
    }
}
