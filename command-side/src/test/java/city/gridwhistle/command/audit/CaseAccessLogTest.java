package city.gridwhistle.command.audit;

import city.gridwhistle.api.audit.HistoryAccessAction;
import city.gridwhistle.api.audit.HistoryAccessedEvent;
import city.gridwhistle.api.audit.RecordHistoryAccessCommand;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.NotPermittedException;
import city.gridwhistle.api.shared.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaseAccessLogTest {

    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    private static final Actor SUPERVISOR = new Actor("S-JJ", Role.SUPERVISOR, "510104");
    private static final Actor ADMIN = new Actor("A-1", Role.ADMIN);

    private final AggregateTestFixture<CaseAccessLog> fixture = new AggregateTestFixture<>(CaseAccessLog.class);

    @BeforeEach
    void setUp() {
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theFirstLookAtAHistoryBeginsTheCasesAccessLog() {
        fixture.givenNoPriorActivity()
                .when(new RecordHistoryAccessCommand("case-1", SUPERVISOR, HistoryAccessAction.VIEWED, null))
                .expectEvents(new HistoryAccessedEvent("case-1", "S-JJ", Role.SUPERVISOR, HistoryAccessAction.VIEWED,
                        null, NOW))
                .expectState(log -> org.assertj.core.api.Assertions.assertThat(log).extracting("accessLogId")
                        .isEqualTo("access-case-1"));
    }

    @Test
    void everyLaterLookIsAddedToTheSameLog() {
        fixture.given(new HistoryAccessedEvent("case-1", "S-JJ", Role.SUPERVISOR, HistoryAccessAction.VIEWED, null, NOW))
                .when(new RecordHistoryAccessCommand("case-1", ADMIN, HistoryAccessAction.AS_OF, "2026-12-01T00:00:00Z"))
                .expectEvents(new HistoryAccessedEvent("case-1", "A-1", Role.ADMIN, HistoryAccessAction.AS_OF,
                        "2026-12-01T00:00:00Z", NOW));
    }

    @Test
    void aRiderLeavesNoTraceBecauseRidersDoNotReadHistories() {
        fixture.givenNoPriorActivity()
                .when(new RecordHistoryAccessCommand("case-1", new Actor("R001", Role.RIDER),
                        HistoryAccessAction.EXPORTED_PDF, null))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }

    @Test
    void anAccessSaysWhatWasDone() {
        fixture.givenNoPriorActivity()
                .when(new RecordHistoryAccessCommand("case-1", SUPERVISOR, null, null))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }
}
