package city.gridwhistle.web.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import city.gridwhistle.web.pages.Pictures;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A rider is told, in their inbox, about every status change of the case they reported: dispatched, resolved with
 * a request to confirm the fix, and closed once they confirmed. Another rider is told nothing of it.
 */
@IntegrationTest
class RiderInboxScenarioTest {

    /** Inside 蜀州社区07网格 (崇州市), where only W021 is on duty; no other test reports there. */
    private static final double[] SHUZHOU_07 = {30.63046, 103.673535};
    private static final String REPORTER = "r034";
    // each test reports another category, so that no report joins another test's open case
    private static final String OTHER_RIDER = "r035";

    @Autowired
    private TestRestTemplate restTemplate;

    @Test
    void theReporterIsToldOfEachStepAndAskedToConfirmTheFix() {
        Api api = new Api(restTemplate);
        String caseId = api.fileCase("E0302", SHUZHOU_07, "崇阳街道路口渣土撒漏一地 inboxalpha", REPORTER);

        JsonNode dispatched = awaitNotification(api, REPORTER, caseId, "DISPATCHED", n -> n.hasNonNull("dueAt"));
        assertThat(dispatched.path("kind").asText()).isEqualTo("STATUS_CHANGED");
        assertThat(dispatched.path("text").path("zh").asText()).contains("已派遣").contains("本环节时限");
        assertThat(dispatched.path("text").path("en").asText()).contains("dispatched").contains("due by");
        assertThat(dispatched.has("confirmation")).isFalse();

        api.done(caseId, "accept", "w021", Map.of());
        String photo = api.uploadPhoto(afterPhoto(), "w021");
        api.done(caseId, "resolve", "w021", Map.of("note", "已清扫干净", "photos", List.of(photo)));

        JsonNode resolved = awaitNotification(api, REPORTER, caseId, "RESOLVED", n -> n.hasNonNull("dueAt"));
        assertThat(resolved.path("photoHashes").get(0).asText()).isEqualTo(photo);
        assertThat(resolved.path("confirmation").path("state").asText()).isEqualTo("AWAITED");
        assertThat(resolved.path("confirmation").path("awaited").asBoolean()).isTrue();
        assertThat(resolved.path("confirmation").path("verifyPath").asText())
                .isEqualTo("/api/cases/" + caseId + "/verify");
        assertThat(resolved.path("text").path("zh").asText()).contains("请确认是否已修好");
        assertThat(resolved.path("text").path("en").asText()).contains("Please confirm whether it is fixed");

        api.done(caseId, "verify", REPORTER, Map.of("fixed", true, "note", "确实清理好了"));

        awaitNotification(api, REPORTER, caseId, "CLOSED", n -> true);
        JsonNode answered = await().atMost(Api.READ_MODEL_WITHIN).until(
                () -> find(inbox(api, REPORTER), caseId, "RESOLVED"),
                n -> n.isPresent() && n.get().path("confirmation").path("state").asText().equals("ANSWERED")).get();
        assertThat(answered.path("confirmation").path("awaited").asBoolean()).isFalse();
        assertThat(answered.path("confirmation").has("verifyPath")).isFalse();
        assertThat(answered.path("text").path("zh").asText()).contains("感谢您的确认");

        List<JsonNode> ofTheCase = ofCase(inbox(api, REPORTER), caseId);
        assertThat(ofTheCase).extracting(n -> n.path("status").asText())
                .containsSubsequence("CLOSED", "RESOLVED", "IN_PROGRESS", "DISPATCHED", "REGISTERED");
        assertThat(ofTheCase.toString()).as("public terms only: never who handled the case")
                .doesNotContain("W021").doesNotContain("郑磊");
    }

    @Test
    void anotherRiderIsToldNothingOfIt() {
        Api api = new Api(restTemplate);
        String caseId = api.fileCase("E0103", SHUZHOU_07, "蜀州社区路面很脏没人扫 inboxbravo", REPORTER);
        awaitNotification(api, REPORTER, caseId, "DISPATCHED", n -> true);

        assertThat(ofCase(inbox(api, OTHER_RIDER), caseId)).isEmpty();
    }

    @Test
    void aReadNotificationNoLongerCountsAsUnreadAndOnlyItsRiderMayMarkIt() {
        Api api = new Api(restTemplate);
        String caseId = api.fileCase("C0302", SHUZHOU_07, "路边垃圾箱倒了 inboxcharlie", REPORTER);
        JsonNode dispatched = awaitNotification(api, REPORTER, caseId, "DISPATCHED", n -> true);
        long unreadBefore = inbox(api, REPORTER).path("unread").asLong();
        String path = "/api/notifications/" + dispatched.path("id").asText() + "/read";

        ResponseEntity<JsonNode> byAnother = api.as(OTHER_RIDER).postForEntity(path, null, JsonNode.class);
        ResponseEntity<JsonNode> byItsRider = api.as(REPORTER).postForEntity(path, null, JsonNode.class);

        assertThat(byAnother.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(byItsRider.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(find(inbox(api, REPORTER), caseId, "DISPATCHED")).hasValueSatisfying(
                n -> assertThat(n.path("read").asBoolean()).isTrue());
        assertThat(inbox(api, REPORTER).path("unread").asLong()).isLessThan(unreadBefore);
    }

    static JsonNode awaitNotification(Api api, String rider, String caseId, String status,
                                      java.util.function.Predicate<JsonNode> complete) {
        return await().atMost(Api.READ_MODEL_WITHIN).until(() -> find(inbox(api, rider), caseId, status),
                n -> n.isPresent() && complete.test(n.get())).get();
    }

    static JsonNode inbox(Api api, String rider) {
        ResponseEntity<JsonNode> response = api.as(rider).getForEntity("/api/notifications?size=100", JsonNode.class);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    static Optional<JsonNode> find(JsonNode inbox, String caseId, String status) {
        return ofCase(inbox, caseId).stream()
                .filter(n -> n.path("status").asText().equals(status) && n.path("kind").asText().equals("STATUS_CHANGED"))
                .findFirst();
    }

    static List<JsonNode> ofCase(JsonNode inbox, String caseId) {
        return StreamSupport.stream(inbox.path("items").spliterator(), false)
                .filter(n -> n.path("caseId").asText().equals(caseId)).toList();
    }

    private static byte[] afterPhoto() {
        return Pictures.png(Color.MAGENTA);
    }
}
