package city.gridwhistle.command.identity;

import city.gridwhistle.api.rider.RegisterRiderCommand;
import city.gridwhistle.command.rider.Rider;
import city.gridwhistle.infra.privacy.SealedTexts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Registers a rider: name and phone into {@code rider_identity}, the rest into the rider's stream, with the handle
 * sealed under the rider's key.
 */
@Component
public class RiderRegistration {

    private final Repository<Rider> riders;
    private final RiderIdentities identities;
    private final SealedTexts texts;

    public RiderRegistration(Repository<Rider> riders, RiderIdentities identities, SealedTexts texts) {
        this.riders = riders;
        this.identities = identities;
        this.texts = texts;
    }

    @CommandHandler
    public String handle(RegisterRiderCommand command) throws Exception {
        riders.newInstance(() -> new Rider(command, texts));
        if (command.name() != null && command.phone() != null) {
            identities.save(command.riderId(), command.name(), command.phone());
        }
        return command.riderId();
    }
}
