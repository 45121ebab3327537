package city.gridwhistle.command.rider;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import city.gridwhistle.api.rider.CloseStationCommand;
import city.gridwhistle.api.rider.RegisterStationCommand;
import city.gridwhistle.api.rider.ReopenStationCommand;
import city.gridwhistle.api.rider.StationClosedEvent;
import city.gridwhistle.api.rider.StationDetailsUpdatedEvent;
import city.gridwhistle.api.rider.StationRegisteredEvent;
import city.gridwhistle.api.rider.StationReopenedEvent;
import city.gridwhistle.api.rider.UpdateStationDetailsCommand;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.CommandRejectedException.Reason;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.api.shared.NotPermittedException;
import city.gridwhistle.api.shared.Role;
import java.time.Clock;
import java.time.LocalTime;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A rider station (暖"新"驿站) in the directory, managed by administrators: registered, its details replaced,
 * taken out of service and put back. Asking for what already holds (the same details, closing a closed station)
 * records nothing.
 */
@Aggregate
public class Station {

    private static final Pattern SERVICE_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    @AggregateIdentifier
    private String stationId;
    private Details details;
    private boolean closed;

    /** What an update may change; compared to tell a real change from a repeated request. */
    private record Details(String name, String address, GeoPoint location, Set<String> services, LocalTime opens,
                           LocalTime closes, String operator) {
    }

    protected Station() {
        // for Axon, also to register a station (created if missing)
    }

    /**
     * Registering is idempotent: the same registration again (a loader resumed after a crash) records nothing, while
     * another station under a taken id is refused as a stream that cannot be created. Decided here rather than left to
     * the event store's unique key, whose violation reaches the caller as a storage failure.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterStationCommand command) {
        requireAdministrator(command.actor(), "REGISTER_STATION");
        if (command.stationId() == null || command.stationId().isBlank()) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "stationId", "a station needs an id");
        }
        Details registration = valid(new Details(command.name(), command.address(), command.location(),
                command.services(), command.opens(), command.closes(), command.operator()));
        if (stationId != null) {
            if (registration.equals(details)) {
                return;
            }
            throw new AggregateStreamCreationException("station " + stationId + " is already registered");
        }
        apply(new StationRegisteredEvent(command.stationId(), registration.name(), registration.address(),
                registration.location(), registration.services(), registration.opens(), registration.closes(),
                registration.operator()));
    }

    @CommandHandler
    void handle(UpdateStationDetailsCommand command) {
        requireAdministrator(command.actor(), "UPDATE_STATION");
        Details updated = valid(new Details(command.name(), command.address(), command.location(), command.services(),
                command.opens(), command.closes(), command.operator()));
        if (!updated.equals(details)) {
            apply(new StationDetailsUpdatedEvent(stationId, updated.name(), updated.address(), updated.location(),
                    updated.services(), updated.opens(), updated.closes(), updated.operator()));
        }
    }

    @CommandHandler
    void handle(CloseStationCommand command, Clock clock) {
        requireAdministrator(command.actor(), "CLOSE_STATION");
        if (command.reason() == null || command.reason().isBlank()) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "reason",
                    "riders are told why a station is out of service");
        }
        if (!closed) {
            apply(new StationClosedEvent(stationId, command.reason().strip(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(ReopenStationCommand command, Clock clock) {
        requireAdministrator(command.actor(), "REOPEN_STATION");
        if (closed) {
            apply(new StationReopenedEvent(stationId, clock.instant()));
        }
    }

    /**
     * Administrators manage the directory; the system itself may too (the demo city is loaded as commands), but no
     * signed-in caller can act as the system.
     */
    private static void requireAdministrator(Actor actor, String action) {
        if (actor == null || !(actor.is(Role.ADMIN) || actor.is(Role.SYSTEM))) {
            throw new NotPermittedException(action, "only administrators manage rider stations");
        }
    }

    private static Details valid(Details details) {
        if (details.name() == null || details.name().isBlank()) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "name", "a station needs a name");
        }
        if (details.location() == null) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "location", "a station needs a location");
        }
        if (details.opens() == null) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "opens", "a station needs opening hours");
        }
        if (details.closes() == null) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "closes", "a station needs opening hours");
        }
        for (String service : details.services()) {
            if (service == null || !SERVICE_CODE.matcher(service).matches()) {
                throw new CommandRejectedException(Reason.INVALID_FIELD, "services",
                        "a service is an upper-case code such as CHARGING or HOT_WATER, not '" + service + "'");
            }
        }
        return new Details(details.name().strip(), strippedOrNull(details.address()), details.location(),
                Set.copyOf(details.services()), details.opens(), details.closes(), strippedOrNull(details.operator()));
    }

    private static String strippedOrNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @EventSourcingHandler
    void on(StationRegisteredEvent event) {
        stationId = event.stationId();
        details = new Details(event.name(), event.address(), event.location(), Set.copyOf(event.services()),
                event.opens(), event.closes(), event.operator());
    }

    @EventSourcingHandler
    void on(StationDetailsUpdatedEvent event) {
        details = new Details(event.name(), event.address(), event.location(), Set.copyOf(event.services()),
                event.opens(), event.closes(), event.operator());
    }

    @EventSourcingHandler
    void on(StationClosedEvent event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(StationReopenedEvent event) {
        closed = false;
    }
}
