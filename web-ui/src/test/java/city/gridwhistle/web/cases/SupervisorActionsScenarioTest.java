package city.gridwhistle.web.cases;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.DemoCity;
import city.gridwhistle.IntegrationTest;
import city.gridwhistle.web.pages.Pictures;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What a command centre does with cases that do not flow by themselves: dispatch from the queue, a transfer to
 * the right cell, parking and taking up again, reassignment, escalation, voiding and reopening.
 */
@IntegrationTest
class SupervisorActionsScenarioTest {

    @Autowired
    private TestRestTemplate http;
    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    @Test
    void aQueuedCaseIsDispatchedByHandTransferredToItsRightCellParkedReassignedEscalatedAndVoided() {
        // nobody is on duty in 粮丰社区12网格: the case waits for a supervisor
        String caseId = api.fileCase("C0202", DemoCity.LIANGFENG_12, "交通标志牌被撞倒在路边", "R005");
        JsonNode queued = api.awaitCase(caseId, c -> c.path("awaitingSupervisor").asBoolean()
                && "DISPATCH".equals(c.path("step").asText()));
        assertThat(queued.path("status").asText()).isEqualTo("REGISTERED");

        // a rider cannot dispatch; a supervisor dispatches to the cell's (off-duty) worker W007
        assertThat(api.act(caseId, "dispatch", "r005", Map.of("workerId", "W007")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> wrongWorker = api.act(caseId, "dispatch", "supervisor", Map.of("workerId", "W010"));
        assertThat(wrongWorker.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(wrongWorker.getBody().path("errors").get(0).path("field").asText()).isEqualTo("workerId");
        api.done(caseId, "dispatch", "supervisor", Map.of("workerId", "W007"));
        api.awaitCase(caseId, c -> "W007".equals(c.path("workerId").asText()));

        // W007 finds the sign belongs to the next cell: a transfer with a reason, routed there
        ResponseEntity<JsonNode> noReason = api.act(caseId, "transfer", "w007",
                Map.of("toCellCode", DemoCity.LIANGFENG_02_CELL));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        api.done(caseId, "transfer", "w007",
                Map.of("toCellCode", DemoCity.LIANGFENG_02_CELL, "reason", "标志牌位于02网格一侧"));
        JsonNode transferred = api.awaitCase(caseId, c -> DemoCity.LIANGFENG_02_CELL.equals(c.path("cell").path("cellCode").asText())
                && c.path("status").asText().equals("DISPATCHED"));
        String newWorker = transferred.path("workerId").asText();
        assertThat(newWorker).isIn("W001", "W002");

        // parked (挂账) while the road authority decides; deadlines stop; then taken up again
        api.done(caseId, "park", "supervisor", Map.of("reason", "需交通运输局确认产权"));
        JsonNode parked = api.awaitStatus(caseId, "PARKED");
        assertThat(parked.path("step").isMissingNode() || parked.path("step").isNull()).isTrue();
        ResponseEntity<JsonNode> acceptWhileParked = api.act(caseId, "accept", newWorker.toLowerCase(), Map.of());
        assertThat(acceptWhileParked.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(acceptWhileParked.getBody().path("currentStatus").asText()).isEqualTo("PARKED");
        api.done(caseId, "unpark", "supervisor", Map.of("reason", "产权已确认，由街道处置"));
        api.awaitCase(caseId, c -> c.path("status").asText().equals("DISPATCHED") && "ACCEPT".equals(c.path("step").asText()));

        // reassigned to the colleague, escalated (督办), and finally voided
        String colleague = newWorker.equals("W001") ? "W002" : "W001";
        api.done(caseId, "reassign", "supervisor", Map.of("workerId", colleague, "reason", "均衡工作量"));
        api.awaitCase(caseId, c -> colleague.equals(c.path("workerId").asText()));
        api.done(caseId, "escalate", "supervisor", Map.of("reason", "群众多次反映"));
        api.awaitCase(caseId, c -> c.path("escalated").asBoolean());
        api.done(caseId, "void", "supervisor", Map.of("reason", "已由交警部门处理"));
        JsonNode voided = api.awaitStatus(caseId, "VOIDED");
        assertThat(voided.path("allowedActions").size()).isZero();
        assertThat(api.act(caseId, "accept", colleague.toLowerCase(), Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aClosedCaseIsReopenedAndRoutedAgain() {
        String caseId = api.fileCase("C0302", DemoCity.SHUFANG_05, "垃圾箱破损", "R006");
        api.awaitStatus(caseId, "DISPATCHED");
        api.done(caseId, "accept", "w010", Map.of());
        api.done(caseId, "resolve", "w010", Map.of("note", "已更换", "photos",
                java.util.List.of(api.uploadPhoto(Pictures.jpeg(Color.GRAY), "w010"))));
        api.done(caseId, "verify", "r006", Map.of("fixed", true));
        api.awaitStatus(caseId, "CLOSED");

        api.done(caseId, "reopen", "supervisor", Map.of("reason", "新垃圾箱又被损坏"));

        JsonNode reopened = api.awaitCase(caseId, c -> c.path("status").asText().equals("DISPATCHED"));
        assertThat(reopened.path("workerId").asText()).isEqualTo("W010");
    }

    @Test
    void anActionWithoutSigningInIsRefused() {
        ResponseEntity<JsonNode> response = http.postForEntity("/api/cases/whatever/accept", null, JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getBody().path("type").asText()).isEqualTo("/problems/unauthenticated");
    }

    @Test
    void anActionOnAnUnknownCaseIsNotFound() {
        assertThat(api.act("no-such-case", "accept", "w001", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
