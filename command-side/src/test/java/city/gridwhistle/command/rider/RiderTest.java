package city.gridwhistle.command.rider;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import city.gridwhistle.api.rider.AwardPointsCommand;
import city.gridwhistle.api.rider.ErasePersonalDataCommand;
import city.gridwhistle.api.rider.PersonalDataErasedEvent;
import city.gridwhistle.api.rider.PointsAwardedEvent;
import city.gridwhistle.api.rider.PointsReason;
import city.gridwhistle.api.rider.RegisterRiderCommand;
import city.gridwhistle.api.rider.RiderRegisteredEvent;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.NotPermittedException;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.infra.privacy.SealedTexts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RiderTest {

    private static final SealedTexts TEXTS = KeysInMemory.texts();
    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    private static final RiderRegisteredEvent REGISTERED = new RiderRegisteredEvent("R001", null, "美团", "510104",
            TEXTS.seal("R001", RiderRegisteredEvent.HANDLE, "骑手7608"));

    private static final Actor ADMIN = new Actor("A001", Role.ADMIN);
    private static final String PIPL_REQUEST = "PIPL 删除请求 2026-117";

    private final AggregateTestFixture<Rider> fixture = new AggregateTestFixture<>(Rider.class);

    @BeforeEach
    void setUp() {
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerAnnotatedCommandHandler(new ErasureDesk(fixture.getRepository()));
        fixture.registerAnnotatedCommandHandler(new RegistrationDesk(fixture.getRepository()));
    }

    @Test
    void theHandleEntersTheStreamSealedUnderTheRidersKey() {
        fixture.givenNoPriorActivity()
                .when(new RegisterRiderCommand("R001", "骑手7608", "美团", "510104", "杨明亮", "13800001001"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate((RiderRegisteredEvent registered) ->
                        registered.handle() == null && "骑手7608".equals(TEXTS.open("R001",
                                RiderRegisteredEvent.HANDLE, registered.sealedHandle()).orElseThrow())), andNoMore())));
    }

    @Test
    void anAdministratorErasesARidersPersonalData() {
        fixture.given(REGISTERED)
                .when(new ErasePersonalDataCommand("R001", PIPL_REQUEST, ADMIN))
                .expectEvents(new PersonalDataErasedEvent("R001", PIPL_REQUEST, "A001", NOW));
    }

    @Test
    void onlyAnAdministratorErasesPersonalData() {
        fixture.given(REGISTERED)
                .when(new ErasePersonalDataCommand("R001", PIPL_REQUEST, new Actor("S001", Role.SUPERVISOR)))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }

    @Test
    void anErasureSaysWhy() {
        fixture.given(REGISTERED)
                .when(new ErasePersonalDataCommand("R001", " ", ADMIN))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void erasingAgainRecordsNothingMore() {
        fixture.given(REGISTERED, new PersonalDataErasedEvent("R001", PIPL_REQUEST, "A001", NOW))
                .when(new ErasePersonalDataCommand("R001", "再次请求", ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void pointsAreCreditedWithTheNewBalance() {
        fixture.given(REGISTERED, new PointsAwardedEvent("R001", "case-1", 10, PointsReason.REPORTED_CASE_CLOSED, 10, NOW))
                .when(new AwardPointsCommand("R001", "case-2", 3, PointsReason.CORROBORATED_CASE_CLOSED))
                .expectEvents(new PointsAwardedEvent("R001", "case-2", 3, PointsReason.CORROBORATED_CASE_CLOSED, 13, NOW));
    }

    @Test
    void aCaseClosedAgainAfterReopeningPaysNothingMore() {
        fixture.given(REGISTERED, new PointsAwardedEvent("R001", "case-1", 10, PointsReason.REPORTED_CASE_CLOSED, 10, NOW))
                .when(new AwardPointsCommand("R001", "case-1", 10, PointsReason.REPORTED_CASE_CLOSED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void pointsAwardedArePositive() {
        fixture.given(REGISTERED)
                .when(new AwardPointsCommand("R001", "case-1", 0, PointsReason.REPORTED_CASE_CLOSED))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    /** What {@link city.gridwhistle.command.identity.RiderRegistration} asks of the rider, without its tables. */
    private record RegistrationDesk(Repository<Rider> riders) {

        @CommandHandler
        void handle(RegisterRiderCommand command) throws Exception {
            riders.newInstance(() -> new Rider(command, TEXTS));
        }
    }

    /** What {@link city.gridwhistle.command.identity.PersonalDataErasure} asks of the rider, without the key table. */
    private record ErasureDesk(Repository<Rider> riders) {

        @CommandHandler
        void handle(ErasePersonalDataCommand command) throws Exception {
            riders.load(command.riderId()).execute(rider -> rider.erasePersonalData(command, NOW));
        }
    }
}
