package city.gridwhistle.command.rider;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.api.casework.CaseClosedEvent;
import city.gridwhistle.api.rider.AwardPointsCommand;
import city.gridwhistle.api.rider.PointsReason;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PointsPolicyTest {

    private final PointsPolicy policy = new PointsPolicy(null, new PointsProperties(10, 3, 50));

    @Test
    void reporterOfAClosedCaseEarnsTheVerifiedCasePointsAndEachCorroboratorLess() {
        var closed = new CaseClosedEvent("case-1", "R001", Set.of("R003", "R002"), "W001", Instant.EPOCH);

        assertThat(policy.awards(closed)).containsExactly(
                new AwardPointsCommand("R001", "case-1", 10, PointsReason.REPORTED_CASE_CLOSED, 50),
                new AwardPointsCommand("R002", "case-1", 3, PointsReason.CORROBORATED_CASE_CLOSED, 50),
                new AwardPointsCommand("R003", "case-1", 3, PointsReason.CORROBORATED_CASE_CLOSED, 50));
    }

    @Test
    void aReporterWhoAlsoCorroboratedIsPaidOnceAsReporter() {
        var closed = new CaseClosedEvent("case-1", "R001", Set.of("R001"), "W001", Instant.EPOCH);

        assertThat(policy.awards(closed)).containsExactly(
                new AwardPointsCommand("R001", "case-1", 10, PointsReason.REPORTED_CASE_CLOSED, 50));
    }
}
