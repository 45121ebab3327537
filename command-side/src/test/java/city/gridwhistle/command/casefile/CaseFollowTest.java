package city.gridwhistle.command.casefile;

import static city.gridwhistle.command.casefile.CaseFixtures.NOW;
import static city.gridwhistle.command.casefile.CaseHistories.CASE;
import static city.gridwhistle.command.casefile.CaseHistories.OTHER_RIDER;
import static city.gridwhistle.command.casefile.CaseHistories.REPORTER;
import static city.gridwhistle.command.casefile.CaseHistories.W001;
import static city.gridwhistle.command.casefile.CaseHistories.dispatched;
import static city.gridwhistle.command.casefile.CaseHistories.with;

import city.gridwhistle.api.casework.CaseFollowedEvent;
import city.gridwhistle.api.casework.FollowCaseCommand;
import city.gridwhistle.api.shared.NotPermittedException;
import org.junit.jupiter.api.Test;

/** Riders follow a case to hear how it goes; following is idempotent. */
class CaseFollowTest {

    private final CaseFixtures cases = new CaseFixtures();

    @Test
    void riderFollowsACase() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(dispatched())
                .when(new FollowCaseCommand(CASE, OTHER_RIDER))
                .expectEvents(new CaseFollowedEvent(CASE, OTHER_RIDER.id(), NOW));
    }

    @Test
    void followingASecondTimeRecordsNothing() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(with(dispatched(), new FollowCaseCommand(CASE, OTHER_RIDER)))
                .when(new FollowCaseCommand(CASE, OTHER_RIDER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reporterFollowsTheirReportWithoutAskingAgain() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(dispatched())
                .when(new FollowCaseCommand(CASE, REPORTER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void gridWorkerCannotFollow() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(dispatched())
                .when(new FollowCaseCommand(CASE, W001))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }
}
