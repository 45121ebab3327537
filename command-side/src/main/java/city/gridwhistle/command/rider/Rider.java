package city.gridwhistle.command.rider;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import city.gridwhistle.api.rider.AwardPointsCommand;
import city.gridwhistle.api.rider.ErasePersonalDataCommand;
import city.gridwhistle.api.rider.LeaderboardNameSetEvent;
import city.gridwhistle.api.rider.SetLeaderboardNameCommand;
import city.gridwhistle.api.rider.PersonalDataErasedEvent;
import city.gridwhistle.api.rider.PointsAwardedEvent;
import city.gridwhistle.api.rider.RegisterRiderCommand;
import city.gridwhistle.api.rider.RiderRegisteredEvent;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.CommandRejectedException.Reason;
import city.gridwhistle.api.shared.NotPermittedException;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.infra.privacy.SealedTexts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A rider known by a pseudonymous handle, with their points ledger (积分) as its own event stream. What is personal
 * in the stream (the handle, the leaderboard name) is sealed under the rider's own key (decision 0046).
 */
@Aggregate
public class Rider {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @AggregateIdentifier
    private String riderId;
    private int balance;
    private final Set<String> credited = new HashSet<>();
    private boolean personalDataErased;
    /** As recorded before decision 0046, in plain; since then {@link #sealedLeaderboardName}. */
    private String leaderboardName;
    private String sealedLeaderboardName;
    private LocalDate lastAwardDay;
    private int pointsOnLastAwardDay;

    protected Rider() {
        // for Axon
    }

    /**
     * Called by {@link city.gridwhistle.command.identity.RiderRegistration}, which keeps name and phone apart; the
     * handle is sealed under the rider's key.
     */
    public Rider(RegisterRiderCommand command, SealedTexts texts) {
        if (command.handle() == null || command.handle().isBlank()) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "handle", "a rider needs a handle");
        }
        apply(new RiderRegisteredEvent(command.riderId(), null, command.platform(), command.districtCode(),
                texts.seal(command.riderId(), RiderRegisteredEvent.HANDLE, command.handle())));
    }

    /** A case credits a rider once per reason, however often it is closed (a reopened case closes again). */
    @CommandHandler
    void handle(AwardPointsCommand command, Clock clock) {
        if (command.points() <= 0) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "points", "points awarded are positive");
        }
        if (credited.contains(key(command.caseId(), command.reason().name()))) {
            return;
        }
        Instant now = clock.instant();
        int earnedToday = now.atZone(CITY).toLocalDate().equals(lastAwardDay) ? pointsOnLastAwardDay : 0;
        int points = Math.min(command.points(), Math.max(command.dailyCap() - earnedToday, 0));
        if (points > 0) {
            apply(new PointsAwardedEvent(riderId, command.caseId(), points, command.reason(), balance + points, now));
        }
    }

    /**
     * Opting in to the leaderboard under a name, or out (null); only the rider themself decides, and never once their
     * personal data was erased. The name is sealed under the rider's key.
     */
    @CommandHandler
    void handle(SetLeaderboardNameCommand command, Clock clock, SealedTexts texts) {
        if (command.actor() == null || !command.actor().is(Role.RIDER) || !command.actor().id().equals(riderId)) {
            throw new NotPermittedException("SET_LEADERBOARD_NAME", "a rider chooses their own leaderboard name");
        }
        if (personalDataErased) {
            throw new CommandRejectedException(Reason.PERSONAL_DATA_ERASED, "displayName",
                    "the rider's personal data was erased: no leaderboard name is recorded for them again");
        }
        String name = command.displayName();
        if (name != null && (name.isBlank() || name.length() > SetLeaderboardNameCommand.MAX_LENGTH)) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "displayName",
                    "a display name has 1.." + SetLeaderboardNameCommand.MAX_LENGTH + " characters");
        }
        if (!Objects.equals(name, leaderboardName(texts))) {
            apply(new LeaderboardNameSetEvent(riderId, null, clock.instant(),
                    name == null ? null : texts.seal(riderId, LeaderboardNameSetEvent.DISPLAY_NAME, name)));
        }
    }

    private String leaderboardName(SealedTexts texts) {
        return texts.openOrPlain(riderId, LeaderboardNameSetEvent.DISPLAY_NAME, sealedLeaderboardName, leaderboardName)
                .orElse(null);
    }

    /**
     * Called by {@link city.gridwhistle.command.identity.PersonalDataErasure}, which destroys the data key in the
     * same transaction. Erasing twice records nothing more.
     */
    public void erasePersonalData(ErasePersonalDataCommand command, Instant at) {
        if (command.actor() == null || !command.actor().is(Role.ADMIN)) {
            throw new NotPermittedException("ERASE_PERSONAL_DATA", "only an administrator may erase personal data");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "reason", "say why the personal data is erased");
        }
        if (!personalDataErased) {
            apply(new PersonalDataErasedEvent(riderId, command.reason(), command.actor().id(), at));
        }
    }

    @EventSourcingHandler
    void on(RiderRegisteredEvent event) {
        riderId = event.riderId();
    }

    @EventSourcingHandler
    void on(LeaderboardNameSetEvent event) {
        leaderboardName = event.displayName();
        sealedLeaderboardName = event.sealedDisplayName();
    }

    @EventSourcingHandler
    void on(PointsAwardedEvent event) {
        LocalDate day = event.at().atZone(CITY).toLocalDate();
        pointsOnLastAwardDay = day.equals(lastAwardDay) ? pointsOnLastAwardDay + event.points() : event.points();
        lastAwardDay = day;
        balance = event.balance();
        credited.add(key(event.caseId(), event.reason().name()));
    }

    @EventSourcingHandler
    void on(PersonalDataErasedEvent event) {
        personalDataErased = true;
    }

    private static String key(String caseId, String reason) {
        return caseId + "/" + reason;
    }
}
