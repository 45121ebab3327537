package city.gridwhistle.web.notifications;

import static city.gridwhistle.web.notifications.RiderInboxScenarioTest.awaitNotification;
import static city.gridwhistle.web.notifications.RiderInboxScenarioTest.find;
import static city.gridwhistle.web.notifications.RiderInboxScenarioTest.inbox;
import static city.gridwhistle.web.notifications.RiderInboxScenarioTest.ofCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reporting rider stays silent: when the verification limit passes, the case is escalated (督办) and falls
 * back to a worker's or supervisor's check; the rider is told so, and once a supervisor has verified, the rider's
 * confirmation is no longer awaited.
 */
@IntegrationTest
class ConfirmationFallbackScenarioTest {

    /** Inside 蜀州社区06网格 (崇州市), where only W020 is on duty; no other test reports there. */
    private static final double[] SHUZHOU_06 = {30.630448, 103.672505};
    /** A drill category whose verification limit is seconds, so the fallback happens for real in the test. */
    private static final String QUICK_VERIFY = "T9971";
    private static final String REPORTER = "r036";

    @Autowired
    private TestRestTemplate restTemplate;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aSupervisorVerifiesAfterTheRiderStayedSilentAndTheRiderIsNoLongerAsked() throws Exception {
        defineQuickVerifyDrill();
        Api api = new Api(restTemplate);
        String caseId = api.fileCase(QUICK_VERIFY, SHUZHOU_06, "核查时限演练：路灯杆歪了 fallbackalpha", REPORTER);
        api.awaitStatus(caseId, "DISPATCHED");
        api.done(caseId, "accept", "w020", Map.of());
        String photo = api.uploadPhoto(Api.PNG, "w020");
        api.done(caseId, "resolve", "w020", Map.of("note", "已扶正", "photos", List.of(photo)));
        awaitNotification(api, REPORTER, caseId, "RESOLVED", n -> true);

        JsonNode overdue = await().atMost(Api.READ_MODEL_WITHIN).until(() -> ofCase(inbox(api, REPORTER), caseId)
                        .stream().filter(n -> n.path("kind").asText().equals("VERIFICATION_OVERDUE")).findFirst(),
                java.util.Optional::isPresent).get();
        assertThat(overdue.path("text").path("zh").asText()).contains("已转网格员或督查核查");
        JsonNode stillAnswerable = find(inbox(api, REPORTER), caseId, "RESOLVED").orElseThrow();
        assertThat(stillAnswerable.path("confirmation").path("state").asText()).isEqualTo("OVERDUE");
        assertThat(stillAnswerable.path("confirmation").path("awaited").asBoolean()).isTrue();

        api.done(caseId, "verify", "supervisor", Map.of("fixed", true, "note", "督查现场核查：已修好"));

        awaitNotification(api, REPORTER, caseId, "CLOSED", n -> true);
        JsonNode settled = await().atMost(Api.READ_MODEL_WITHIN).until(
                () -> find(inbox(api, REPORTER), caseId, "RESOLVED").orElseThrow(),
                n -> n.path("confirmation").path("state").asText().equals("SETTLED"));
        assertThat(settled.path("confirmation").path("awaited").asBoolean()).isFalse();
        assertThat(settled.path("confirmation").path("checkedByRole").asText()).isEqualTo("SUPERVISOR");
        assertThat(settled.path("confirmation").has("verifyPath")).isFalse();
        assertThat(settled.path("text").path("zh").asText()).contains("已由督查核查，无需您再确认");
        assertThat(settled.path("text").path("en").asText()).contains("no longer needed");
        assertThat(api.act(caseId, "verify", REPORTER, Map.of("fixed", true)).getStatusCode().value())
                .as("nothing left to confirm").isEqualTo(409);
    }

    /** Every step an hour, except verification: three seconds. */
    private void defineQuickVerifyDrill() throws Exception {
        Map<String, Object> hour = Map.of("amount", 1, "unit", "URGENT_HOURS");
        Map<String, Object> seconds = Map.of("amount", 3, "unit", "SECONDS");
        String rules = new ObjectMapper().writeValueAsString(Map.ofEntries(
                Map.entry("code", QUICK_VERIFY), Map.entry("family", "EVENT"), Map.entry("majorCode", "99"),
                Map.entry("majorZh", "演练"), Map.entry("majorEn", "Drill"), Map.entry("minorCode", "71"),
                Map.entry("zh", "核查时限演练"), Map.entry("en", "Verification limit drill"), Map.entry("urgency", "URGENT"),
                Map.entry("limits", Map.of("dispatch", hour, "accept", hour, "handle", hour, "verify", seconds)),
                Map.entry("duplicateRadiusMeters", 1), Map.entry("registrationCondition", "演练"),
                Map.entry("closingCondition", "演练"), Map.entry("responsibleUnit", "指挥中心")));
        jdbc.update("insert into category (code, family, name_zh, name_en, rules) values (?, 'EVENT', ?, ?, ?) "
                + "on conflict do nothing", QUICK_VERIFY, "核查时限演练", "Verification limit drill", rules);
    }
}
