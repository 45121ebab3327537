package city.gridwhistle.command.rider;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import city.gridwhistle.api.rider.AwardPointsCommand;
import city.gridwhistle.api.rider.PointsAwardedEvent;
import city.gridwhistle.api.rider.RegisterRiderCommand;
import city.gridwhistle.api.rider.RiderRegisteredEvent;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.CommandRejectedException.Reason;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A rider known by a pseudonymous handle, with their points ledger (积分) as its own event stream. */
@Aggregate
public class Rider {

    @AggregateIdentifier
    private String riderId;
    private int balance;
    private final Set<String> credited = new HashSet<>();

    protected Rider() {
        // for Axon
    }

    /** Called by {@link city.gridwhistle.command.identity.RiderRegistration}, which keeps name and phone apart. */
    public Rider(RegisterRiderCommand command) {
        if (command.handle() == null || command.handle().isBlank()) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "handle", "a rider needs a handle");
        }
        apply(new RiderRegisteredEvent(command.riderId(), command.handle(), command.platform(), command.districtCode()));
    }

    /** A case credits a rider once per reason, however often it is closed (a reopened case closes again). */
    @CommandHandler
    void handle(AwardPointsCommand command, Clock clock) {
        if (command.points() <= 0) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "points", "points awarded are positive");
        }
        if (credited.add(key(command.caseId(), command.reason().name()))) {
            apply(new PointsAwardedEvent(riderId, command.caseId(), command.points(), command.reason(),
                    balance + command.points(), clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(RiderRegisteredEvent event) {
        riderId = event.riderId();
    }

    @EventSourcingHandler
    void on(PointsAwardedEvent event) {
        balance = event.balance();
        credited.add(key(event.caseId(), event.reason().name()));
    }

    private static String key(String caseId, String reason) {
        return caseId + "/" + reason;
    }
}
