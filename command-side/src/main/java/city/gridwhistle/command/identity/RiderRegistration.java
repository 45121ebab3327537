package city.gridwhistle.command.identity;

import city.gridwhistle.api.rider.RegisterRiderCommand;
import city.gridwhistle.command.rider.Rider;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Registers a rider: personal data into {@code rider_identity}, the pseudonymous rest into the rider's stream. */
@Component
public class RiderRegistration {

    private final Repository<Rider> riders;
    private final RiderIdentities identities;

    public RiderRegistration(Repository<Rider> riders, RiderIdentities identities) {
        this.riders = riders;
        this.identities = identities;
    }

    @CommandHandler
    public String handle(RegisterRiderCommand command) throws Exception {
        riders.newInstance(() -> new Rider(command));
        if (command.name() != null && command.phone() != null) {
            identities.save(command.riderId(), command.name(), command.phone());
        }
        return command.riderId();
    }
}
