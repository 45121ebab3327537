package city.gridwhistle.command.rider;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import city.gridwhistle.api.rider.AwardPointsCommand;
import city.gridwhistle.api.rider.LeaderboardNameSetEvent;
import city.gridwhistle.api.rider.PersonalDataErasedEvent;
import city.gridwhistle.api.rider.PointsAwardedEvent;
import city.gridwhistle.api.rider.PointsReason;
import city.gridwhistle.api.rider.RiderRegisteredEvent;
import city.gridwhistle.api.rider.SetLeaderboardNameCommand;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.NotPermittedException;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.infra.privacy.SealedTexts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RiderPointsRulesTest {

    private static final SealedTexts TEXTS = KeysInMemory.texts();
    /** 23:00 on 2 December in Chengdu (15:00 UTC). */
    private static final Instant LATE_EVENING = Instant.parse("2026-12-02T15:00:00Z");
    private static final RiderRegisteredEvent REGISTERED = new RiderRegisteredEvent("R001", null, "美团", "510104",
            TEXTS.seal("R001", RiderRegisteredEvent.HANDLE, "骑手7608"));
    private static final Actor SELF = new Actor("R001", Role.RIDER);

    private final AggregateTestFixture<Rider> fixture = new AggregateTestFixture<>(Rider.class);

    @BeforeEach
    void setUp() {
        fixture.registerInjectableResource(TEXTS);
        fixture.registerInjectableResource(new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return fixture.currentTime();
            }
        });
    }

    @Test
    void pointsAboveTheDailyCapAreNotPaid() {
        fixture.givenCurrentTime(LATE_EVENING)
                .andGiven(REGISTERED, awarded("case-1", 45, 45, LATE_EVENING.minusSeconds(3600)))
                .when(new AwardPointsCommand("R001", "case-2", 10, PointsReason.REPORTED_CASE_CLOSED, 50))
                .expectEvents(new PointsAwardedEvent("R001", "case-2", 5, PointsReason.REPORTED_CASE_CLOSED, 50,
                        LATE_EVENING));
    }

    @Test
    void aRiderAtTheCapEarnsNothingMoreThatDay() {
        fixture.givenCurrentTime(LATE_EVENING)
                .andGiven(REGISTERED, awarded("case-1", 50, 50, LATE_EVENING.minusSeconds(60)))
                .when(new AwardPointsCommand("R001", "case-2", 10, PointsReason.REPORTED_CASE_CLOSED, 50))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theCapStartsAfreshAtMidnightInTheCity() {
        Instant afterMidnight = LATE_EVENING.plusSeconds(2 * 3600); // 01:00 on 3 December in Chengdu
        fixture.givenCurrentTime(afterMidnight)
                .andGiven(REGISTERED, awarded("case-1", 50, 50, LATE_EVENING))
                .when(new AwardPointsCommand("R001", "case-2", 10, PointsReason.REPORTED_CASE_CLOSED, 50))
                .expectEvents(new PointsAwardedEvent("R001", "case-2", 10, PointsReason.REPORTED_CASE_CLOSED, 60,
                        afterMidnight));
    }

    @Test
    void aRiderOptsInToTheLeaderboardUnderASealedName() {
        fixture.givenCurrentTime(LATE_EVENING).andGiven(REGISTERED)
                .when(new SetLeaderboardNameCommand("R001", "成龙路小王", SELF))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(
                        (LeaderboardNameSetEvent set) -> set.displayName() == null && set.at().equals(LATE_EVENING)
                                && "成龙路小王".equals(opened(set))), andNoMore())));
    }

    @Test
    void theSameNameAgainRecordsNothingWhetherSealedOrRecordedInPlainBefore() {
        fixture.givenCurrentTime(LATE_EVENING).andGiven(REGISTERED, sealedName("成龙路小王"))
                .when(new SetLeaderboardNameCommand("R001", "成龙路小王", SELF))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.givenCurrentTime(LATE_EVENING)
                .andGiven(REGISTERED, new LeaderboardNameSetEvent("R001", "成龙路小王", LATE_EVENING, null))
                .when(new SetLeaderboardNameCommand("R001", "成龙路小王", SELF))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRiderOptsOutAgain() {
        fixture.givenCurrentTime(LATE_EVENING)
                .andGiven(REGISTERED, sealedName("成龙路小王"))
                .when(new SetLeaderboardNameCommand("R001", null, SELF))
                .expectEvents(new LeaderboardNameSetEvent("R001", null, LATE_EVENING, null));
    }

    @Test
    void afterErasureNoNameIsRecordedAgain() {
        fixture.givenCurrentTime(LATE_EVENING)
                .andGiven(REGISTERED, new PersonalDataErasedEvent("R001", "PIPL 删除请求", "A001", LATE_EVENING))
                .when(new SetLeaderboardNameCommand("R001", "又回来了", SELF))
                .expectNoEvents()
                .expectException(predicate((CommandRejectedException e) ->
                        e.reason() == CommandRejectedException.Reason.PERSONAL_DATA_ERASED));
    }

    @Test
    void nobodyElseChoosesARidersLeaderboardName() {
        fixture.givenCurrentTime(LATE_EVENING).andGiven(REGISTERED)
                .when(new SetLeaderboardNameCommand("R001", "冒名顶替", new Actor("R002", Role.RIDER)))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }

    @Test
    void anOverlongLeaderboardNameIsRefused() {
        fixture.givenCurrentTime(LATE_EVENING).andGiven(REGISTERED)
                .when(new SetLeaderboardNameCommand("R001", "名".repeat(SetLeaderboardNameCommand.MAX_LENGTH + 1), SELF))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    private static LeaderboardNameSetEvent sealedName(String name) {
        return new LeaderboardNameSetEvent("R001", null, LATE_EVENING,
                TEXTS.seal("R001", LeaderboardNameSetEvent.DISPLAY_NAME, name));
    }

    private static String opened(LeaderboardNameSetEvent event) {
        return TEXTS.open("R001", LeaderboardNameSetEvent.DISPLAY_NAME, event.sealedDisplayName()).orElseThrow();
    }

    private static PointsAwardedEvent awarded(String caseId, int points, int balance, Instant at) {
        return new PointsAwardedEvent("R001", caseId, points, PointsReason.REPORTED_CASE_CLOSED, balance, at);
    }
}
