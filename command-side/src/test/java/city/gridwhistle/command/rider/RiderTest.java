package city.gridwhistle.command.rider;

import city.gridwhistle.api.rider.AwardPointsCommand;
import city.gridwhistle.api.rider.PointsAwardedEvent;
import city.gridwhistle.api.rider.PointsReason;
import city.gridwhistle.api.rider.RiderRegisteredEvent;
import city.gridwhistle.api.shared.CommandRejectedException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RiderTest {

    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    private static final RiderRegisteredEvent REGISTERED = new RiderRegisteredEvent("R001", "骑手7608", "美团", "510104");

    private final AggregateTestFixture<Rider> fixture = new AggregateTestFixture<>(Rider.class);

    @BeforeEach
    void setUp() {
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
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
}
