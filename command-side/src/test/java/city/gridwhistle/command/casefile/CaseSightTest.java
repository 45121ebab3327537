package city.gridwhistle.command.casefile;

import static city.gridwhistle.command.casefile.CaseFixtures.NOW;
import static city.gridwhistle.command.casefile.CaseHistories.CASE;
import static city.gridwhistle.command.casefile.CaseHistories.OTHER_RIDER;
import static city.gridwhistle.command.casefile.CaseHistories.REPORTER;
import static city.gridwhistle.command.casefile.CaseHistories.SUPERVISOR;
import static city.gridwhistle.command.casefile.CaseHistories.W002;
import static city.gridwhistle.command.casefile.CaseHistories.W009;
import static city.gridwhistle.command.casefile.CaseHistories.closed;
import static city.gridwhistle.command.casefile.CaseHistories.dispatched;
import static city.gridwhistle.command.casefile.CaseHistories.resolved;
import static city.gridwhistle.command.casefile.CaseHistories.with;

import city.gridwhistle.api.casework.AcceptCaseCommand;
import city.gridwhistle.api.casework.EscalateCaseCommand;
import city.gridwhistle.api.casework.FollowCaseCommand;
import city.gridwhistle.api.casework.IllegalTransitionException;
import city.gridwhistle.api.casework.NoSuchCaseException;
import city.gridwhistle.api.casework.ReopenCaseCommand;
import city.gridwhistle.api.casework.VerifyResolutionCommand;
import city.gridwhistle.api.casework.VoidCaseCommand;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.NotPermittedException;
import city.gridwhistle.api.shared.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A caller who may not see a case learns nothing of it from an action: not that it exists, nor its state, version
 * or what could be done; whatever they try, the case answers as one that does not exist. Those who may see it are
 * told why an action is refused.
 */
class CaseSightTest {

    /** A supervisor of 龙泉驿区: the staffed cell lies in 锦江区. */
    private static final Actor OTHER_DISTRICT = new Actor("S-LQY", Role.SUPERVISOR, "510112");
    private static final Actor OWN_DISTRICT = new Actor("S-JJ", Role.SUPERVISOR, "510104");

    private final CaseFixtures cases = new CaseFixtures();

    @Test
    void aWorkerOfAnotherCellIsToldThereIsNoSuchCase() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(dispatched())
                .when(new AcceptCaseCommand(CASE, W009))
                .expectNoEvents()
                .expectException(NoSuchCaseException.class);
    }

    @Test
    void notEvenTheStateLeaksToThoseWhoMayNotSeeIt() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(closed())
                .when(new AcceptCaseCommand(CASE, W009))
                .expectNoEvents()
                .expectException(NoSuchCaseException.class);
    }

    @Test
    void notEvenTheVersionLeaksToThoseWhoMayNotSeeIt() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(dispatched())
                .when(new AcceptCaseCommand(CASE, W009, 0L))
                .expectNoEvents()
                .expectException(NoSuchCaseException.class);
    }

    @Test
    void theGridWorkerOfTheCaseIsToldWhyInstead() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(closed())
                .when(new AcceptCaseCommand(CASE, W002))
                .expectNoEvents()
                .expectException(IllegalTransitionException.class);
    }

    @Test
    void aSupervisorOfAnotherDistrictIsToldThereIsNoSuchCase() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(dispatched())
                .when(new EscalateCaseCommand(CASE, "越区督办", OTHER_DISTRICT))
                .expectNoEvents()
                .expectException(NoSuchCaseException.class);
    }

    @Test
    void aSupervisorOfTheDistrictActs() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(dispatched())
                .when(new EscalateCaseCommand(CASE, "群众多次反映", OWN_DISTRICT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aRiderWithNoPartInACaseOnThePublicRecordMayFollowIt() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(resolved())
                .when(new FollowCaseCommand(CASE, OTHER_RIDER))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aRiderWithNoPartInACaseOnThePublicRecordIsToldTheyMayNotVerifyIt() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(resolved())
                .when(new VerifyResolutionCommand(CASE, true, "好了", List.of(), OTHER_RIDER))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }

    @Test
    void aVoidedCaseIsOffThePublicRecord() {
        cases.fixture.givenCurrentTime(NOW)
                .andGivenCommands(with(dispatched(), new VoidCaseCommand(CASE, "重复上报", SUPERVISOR)))
                .when(new FollowCaseCommand(CASE, OTHER_RIDER))
                .expectNoEvents()
                .expectException(NoSuchCaseException.class);
    }

    @Test
    void itsReporterStillSeesAVoidedCase() {
        cases.fixture.givenCurrentTime(NOW)
                .andGivenCommands(with(dispatched(), new VoidCaseCommand(CASE, "重复上报", SUPERVISOR)))
                .when(new VerifyResolutionCommand(CASE, true, null, List.of(), REPORTER))
                .expectNoEvents()
                .expectException(IllegalTransitionException.class);
    }

    @Test
    void aWorkerOfAnotherCellCannotReopenAClosedCaseNorLearnItIsClosed() {
        cases.fixture.givenCurrentTime(NOW).andGivenCommands(closed())
                .when(new ReopenCaseCommand(CASE, "又坏了", W009))
                .expectNoEvents()
                .expectException(NoSuchCaseException.class);
    }
}
