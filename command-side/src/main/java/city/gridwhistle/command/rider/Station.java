package city.gridwhistle.command.rider;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import city.gridwhistle.api.rider.RegisterStationCommand;
import city.gridwhistle.api.rider.StationRegisteredEvent;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.CommandRejectedException.Reason;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A rider station (暖"新"驿站) in the directory. */
@Aggregate
public class Station {

    @AggregateIdentifier
    private String stationId;

    protected Station() {
        // for Axon
    }

    @CommandHandler
    public Station(RegisterStationCommand command) {
        if (command.name() == null || command.name().isBlank()) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "name", "a station needs a name");
        }
        apply(new StationRegisteredEvent(command.stationId(), command.name(), command.address(), command.location(),
                command.services(), command.opens(), command.closes(), command.operator()));
    }

    @EventSourcingHandler
    void on(StationRegisteredEvent event) {
        stationId = event.stationId();
    }
}
