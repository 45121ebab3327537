package city.gridwhistle.web.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.Api;
import city.gridwhistle.DemoCity;
import city.gridwhistle.IntegrationTest;
import city.gridwhistle.web.pages.Pictures;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * One traffic signal, around the whole loop over HTTP: reported and corroborated by riders, dispatched, accepted,
 * handled, found not fixed by the reporter, reworked, verified by a supervisor, closed, and paid in points.
 */
@IntegrationTest
class ClosedLoopScenarioTest {

    private static final String SIGNAL = "C0201";
    private static final String WORKER = "W010";
    private static final String WORKER_LOGIN = "w010";

    @Autowired
    private TestRestTemplate http;
    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    @Test
    void aBrokenTrafficSignalGoesRoundTheLoopThroughReworkToClosedAndPoints() {
        // reported by R003, dispatched at once to the only worker on duty in 书房社区05网格
        String caseId = api.fileCase(SIGNAL, DemoCity.SHUFANG_05, "书房社区路口红绿灯不亮，车辆乱行", "R003");
        JsonNode dispatched = api.awaitCase(caseId, c -> "ACCEPT".equals(c.path("step").asText()));
        assertThat(dispatched.path("status").asText()).isEqualTo("DISPATCHED");
        assertThat(dispatched.path("workerId").asText()).isEqualTo(WORKER);
        assertThat(dispatched.path("stepDueAt").asText()).isNotBlank();

        // R004 reports the same signal from across the road: it joins the case
        double[] acrossTheRoad = {DemoCity.SHUFANG_05[0] + 0.0002, DemoCity.SHUFANG_05[1]};
        ResponseEntity<JsonNode> corroboration = api.file(SIGNAL, acrossTheRoad, "红绿灯坏了", "R004");
        assertThat(corroboration.getBody().path("caseId").asText()).isEqualTo(caseId);
        assertThat(corroboration.getBody().path("attached").asBoolean()).isTrue();

        // a worker of another cell may not even see the case: to them it does not exist
        assertThat(api.act(caseId, "accept", "w001", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        api.done(caseId, "accept", WORKER_LOGIN, Map.of());
        api.done(caseId, "start", WORKER_LOGIN, Map.of());
        api.done(caseId, "notes", WORKER_LOGIN, Map.of("note", "已联系交警大队，信号机控制箱故障"));

        // accepting twice is an illegal transition, answered with the state and what it allows
        ResponseEntity<JsonNode> again = api.act(caseId, "accept", WORKER_LOGIN, Map.of());
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().path("currentStatus").asText()).isEqualTo("IN_PROGRESS");
        assertThat(again.getBody().path("allowedActions").toString()).contains("RESOLVE").doesNotContain("ACCEPT");

        // resolving needs an after-photo
        assertThat(api.act(caseId, "resolve", WORKER_LOGIN, Map.of("note", "已修复")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        String after = api.uploadPhoto(Api.PNG, "w010");
        api.done(caseId, "resolve", WORKER_LOGIN, Map.of("note", "更换控制箱保险", "photos", List.of(after)));
        JsonNode resolved = api.awaitCase(caseId, c -> c.path("status").asText().equals("RESOLVED")
                && c.path("step").asText().equals("VERIFY"));
        assertThat(resolved.path("resolutionPhotoHashes").get(0).asText()).isEqualTo(after);

        // finder ≠ fixer ≠ verifier: the worker cannot verify their own resolution
        assertThat(api.act(caseId, "verify", WORKER_LOGIN, Map.of("fixed", true)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // the reporting rider finds it still broken: rework, counted against the handler
        api.done(caseId, "verify", "r003", Map.of("fixed", false, "note", "晚上又不亮了"));
        JsonNode rework = api.awaitCase(caseId, c -> c.path("status").asText().equals("REWORK")
                && c.path("step").asText().equals("HANDLE"));
        assertThat(rework.path("reworkCount").asInt()).isEqualTo(1);

        String secondAfter = api.uploadPhoto(Pictures.png(Color.CYAN), "w010");
        api.done(caseId, "resolve", WORKER_LOGIN, Map.of("note", "更换信号机主板", "photos", List.of(secondAfter)));
        api.awaitStatus(caseId, "RESOLVED");
        api.done(caseId, "verify", "supervisor", Map.of("fixed", true, "note", "现场核查正常"));

        JsonNode closed = api.awaitStatus(caseId, "CLOSED");
        assertThat(closed.path("reportCount").asInt()).isEqualTo(2);
        assertThat(closed.path("closedAt").asText()).isNotBlank();
        assertThat(closed.path("allowedActions").toString()).contains("REOPEN");

        // points: the reporter for a verified case, the corroborator less
        await().atMost(Api.READ_MODEL_WITHIN).untilAsserted(() -> {
            assertThat(points("R003")).contains(caseId + ":10:REPORTED_CASE_CLOSED");
            assertThat(points("R004")).contains(caseId + ":3:CORROBORATED_CASE_CLOSED");
        });
    }

    private List<String> points(String rider) {
        JsonNode ledger = api.get("/api/riders/" + rider + "/points");
        List<String> entries = new java.util.ArrayList<>();
        ledger.path("entries").forEach(e -> entries.add(
                e.path("caseId").asText() + ":" + e.path("points").asInt() + ":" + e.path("reason").asText()));
        return entries;
    }
}
