package city.gridwhistle.web.grid;

import static city.gridwhistle.web.grid.AdminGridFiles.code;
import static city.gridwhistle.web.grid.AdminGridFiles.collection;
import static city.gridwhistle.web.grid.AdminGridFiles.inside;
import static city.gridwhistle.web.grid.AdminGridFiles.square;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import city.gridwhistle.web.demo.DemoAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An administrator brings cells as GeoJSON (defined, redrawn, left alone), enrols a grid worker, gives them cells and
 * puts them on duty: reports in those cells go to them, and they may read those cases. Bad input names the field
 * at fault and changes nothing.
 */
@IntegrationTest
class GridAdministrationIntegrationTest {

    private static final double SIZE = 0.001;

    @Autowired
    private TestRestTemplate http;

    private Api api() {
        return new Api(http);
    }

    private ResponseEntity<JsonNode> upload(String file) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("application/geo+json"));
        return api().as("admin").postForEntity("/api/admin/grid", new HttpEntity<>(file, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return api().as("admin").exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    @Test
    void aCellIsDefinedThenLeftAloneThenRedrawnAndRoutesByItsNewShape() {
        ResponseEntity<JsonNode> defined = upload(collection(square(1, "管理测试社区01网格", SIZE)));
        assertThat(defined.getStatusCode()).as("%s", defined.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(defined.getBody().path("defined").asInt()).isEqualTo(1);

        ResponseEntity<JsonNode> again = upload(collection(square(1, "管理测试社区01网格", SIZE)));
        assertThat(again.getBody().path("unchanged").asInt()).isEqualTo(1);
        assertThat(again.getBody().path("defined").asInt()).isZero();

        double[] beyondTheOldEdge = {30.9 + 0.002 + SIZE * 1.5, 104.5 + SIZE * 1.5};
        assertThat(api().file("E0101", beyondTheOldEdge, "管理测试：旧边界外", "r032").getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        ResponseEntity<JsonNode> redrawn = upload(collection(square(1, "管理测试社区01网格", SIZE * 2)));
        assertThat(redrawn.getBody().path("redrawn").asInt()).isEqualTo(1);
        JsonNode receipt = api().file("E0101", beyondTheOldEdge, "管理测试：新边界内", "r032").getBody();
        assertThat(receipt.path("cellCode").asText()).as("routed by the redrawn shape at once").isEqualTo(code(1));
    }

    @Test
    void aGridFileWithAFaultNamesEveryFieldAndChangesNothing() {
        String good = square(4, "管理测试社区04网格", SIZE);
        String badCode = square(5, "管理测试社区05网格", SIZE).replace(code(5), "5101990990990X");
        String noName = square(6, "", SIZE);
        ResponseEntity<JsonNode> refused = upload(collection(good, badCode, noName, good));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("type").asText()).isEqualTo("/problems/invalid-request");
        List<String> fields = new ArrayList<>();
        refused.getBody().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).contains("features[1].properties.code", "features[2].properties.name",
                "features[3].properties.code");
        assertThat(api().file("E0101", inside(4, SIZE), "管理测试：不应有此网格", "r032").getStatusCode())
                .as("the good cell of a refused file was not defined").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(upload("{\"type\": \"Feature\"}").getBody().path("errors").path(0).path("field").asText())
                .isEqualTo("type");
        assertThat(upload("not json").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aWorkerGivenACellAndPutOnDutyGetsItsReportsAndMayReadThem() {
        assertThat(upload(collection(square(7, "管理测试社区07网格", SIZE), square(8, "管理测试社区08网格", SIZE)))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(send(HttpMethod.POST, "/api/admin/workers",
                Map.of("workerId", "WADM01", "displayName", "管理测试员", "cellCodes", List.of(code(7))))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(send(HttpMethod.POST, "/api/admin/accounts", Map.of("username", "wadm01",
                "password", DemoAccounts.PASSWORD, "role", "GRID_WORKER", "subjectId", "WADM01",
                "displayName", "管理测试员")).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(send(HttpMethod.PUT, "/api/admin/workers/WADM01/cells", Map.of("cellCodes", List.of(code(8))))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(send(HttpMethod.POST, "/api/workers/WADM01/on-duty", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode worker = worker("WADM01");
        assertThat(worker.path("onDuty").asBoolean()).isTrue();
        assertThat(worker.path("cellCodes")).extracting(JsonNode::asText).containsExactly(code(8));

        JsonNode receipt = api().file("E0101", inside(8, SIZE), "管理测试：暴露垃圾", "r032").getBody();
        assertThat(receipt.path("workerId").asText()).isEqualTo("WADM01");
        JsonNode formerCell = api().file("E0101", inside(7, SIZE), "管理测试：原网格", "r032").getBody();
        assertThat(formerCell.path("awaitingSupervisor").asBoolean()).as("no one answers for the former cell").isTrue();

        String caseId = receipt.path("caseId").asText();
        await().atMost(Api.READ_MODEL_WITHIN).until(() -> api().as("wadm01")
                .getForEntity("/api/cases/" + caseId, JsonNode.class).getStatusCode() == HttpStatus.OK);
        await().atMost(Api.READ_MODEL_WITHIN).until(() -> api().as("wadm01")
                .getForEntity("/api/cases?cell=" + code(8), JsonNode.class).getBody().path("cases").size() == 1);
    }

    @Test
    void reportsGoToTheLeastLoadedWorkerOnDutyAndAVoidedCaseLightensTheirLoad() {
        assertThat(upload(collection(square(11, "管理测试社区11网格", SIZE))).getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String workerId : List.of("WLOAD1", "WLOAD2")) {
            assertThat(send(HttpMethod.POST, "/api/admin/workers",
                    Map.of("workerId", workerId, "displayName", "负载测试员", "cellCodes", List.of(code(11))))
                    .getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(send(HttpMethod.POST, "/api/workers/" + workerId + "/on-duty", Map.of()).getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
        }
        assertThat(openCases("WLOAD1")).isZero();

        JsonNode first = api().file("E0101", inside(11, SIZE), "负载测试：暴露垃圾", "r037").getBody();
        assertThat(first.path("workerId").asText()).as("equal loads: the first by id").isEqualTo("WLOAD1");
        assertThat(openCases("WLOAD1")).isEqualTo(1);
        JsonNode second = api().file("C0201", inside(11, SIZE), "负载测试：井盖缺失", "r037").getBody();
        assertThat(second.path("workerId").asText()).as("the one without a case").isEqualTo("WLOAD2");
        assertThat(openCases("WLOAD2")).isEqualTo(1);

        api().done(first.path("caseId").asText(), "void", "supervisor", Map.of("reason", "负载测试：重复"));
        assertThat(openCases("WLOAD1")).isZero();
        JsonNode third = api().file("E0401", inside(11, SIZE), "负载测试：路灯不亮", "r037").getBody();
        assertThat(third.path("workerId").asText()).as("the one whose case was voided").isEqualTo("WLOAD1");
        assertThat(openCases("WLOAD1")).isEqualTo(1);
        assertThat(openCases("WLOAD2")).isEqualTo(1);
    }

    private int openCases(String workerId) {
        return worker(workerId).path("openCases").asInt(-1);
    }

    @Test
    void badAssignmentsAreRefusedAndChangeNothing() {
        assertThat(upload(collection(square(9, "管理测试社区09网格", SIZE))).getStatusCode()).isEqualTo(HttpStatus.OK);
        send(HttpMethod.POST, "/api/admin/workers", Map.of("workerId", "WADM02", "displayName", "管理测试员二",
                "cellCodes", List.of(code(9))));

        ResponseEntity<JsonNode> unknown = send(HttpMethod.PUT, "/api/admin/workers/WADM02/cells",
                Map.of("cellCodes", List.of(code(9), "51019909909999")));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(unknown.getBody().path("type").asText()).isEqualTo("/problems/unknown-cell");
        assertThat(unknown.getBody().path("errors").path(0).path("field").asText()).isEqualTo("cellCodes");

        ResponseEntity<JsonNode> malformed = send(HttpMethod.PUT, "/api/admin/workers/WADM02/cells",
                Map.of("cellCodes", List.of("12")));
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody().path("errors").path(0).path("field").asText()).startsWith("cellCodes");

        assertThat(send(HttpMethod.PUT, "/api/admin/workers/WADM02/cells", Map.of("cellCodes", List.of()))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(worker("WADM02").path("cellCodes")).extracting(JsonNode::asText).containsExactly(code(9));

        assertThat(send(HttpMethod.PUT, "/api/admin/workers/WNOBODY/cells", Map.of("cellCodes", List.of(code(9))))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> taken = send(HttpMethod.POST, "/api/admin/workers", Map.of("workerId", "WADM02",
                "displayName", "别人", "cellCodes", List.of(code(9))));
        assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(taken.getBody().path("type").asText()).isEqualTo("/problems/worker-exists");
        assertThat(worker("WADM02").path("displayName").asText()).isEqualTo("管理测试员二");
    }

    private JsonNode worker(String workerId) {
        for (JsonNode worker : api().as("admin").getForObject("/api/admin/workers", JsonNode.class).path("workers")) {
            if (worker.path("workerId").asText().equals(workerId)) {
                return worker;
            }
        }
        throw new AssertionError("no worker " + workerId);
    }
}
