package city.gridwhistle.command.identity;

import city.gridwhistle.api.rider.ErasePersonalDataCommand;
import city.gridwhistle.command.rider.Rider;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Erases a rider's personal data (a PIPL request): the rider's stream records the erasure, and the rider's key
 * and ciphertexts are deleted, in one transaction. No event is touched: they hold the pseudonymous id, and what is
 * personal in them was sealed under the key now destroyed (decision 0046), so every case history stays whole and
 * every hash chain still verifies. The read models leave the rider out when they meet the erasure.
 */
@Component
public class PersonalDataErasure {

    private final Repository<Rider> riders;
    private final RiderIdentities identities;
    private final Clock clock;

    public PersonalDataErasure(Repository<Rider> riders, RiderIdentities identities, Clock clock) {
        this.riders = riders;
        this.identities = identities;
        this.clock = clock;
    }

    @CommandHandler
    public void handle(ErasePersonalDataCommand command) throws Exception {
        riders.load(command.riderId()).execute(rider -> rider.erasePersonalData(command, clock.instant()));
        identities.erase(command.riderId());
    }
}
