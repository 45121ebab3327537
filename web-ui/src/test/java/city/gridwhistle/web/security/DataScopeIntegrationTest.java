package city.gridwhistle.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who sees which case, enforced where cases are read: a rider sees the public view of cases they reported,
 * corroborated or follow, and nothing of anyone else's; a grid worker sees and acts on the cases of their own cells,
 * with the reporter as a pseudonymous handle only; a district supervisor sees their district; revealing a reporter
 * is a supervisor's act, recorded as an event.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataScopeIntegrationTest {

    /** 蜀州社区04网格 (崇州, 510184): W019 alone answers for it. */
    private static final double[] SHUZHOU_04 = {30.629565, 103.67458};
    private static final String SHUZHOU_04_CELL = "51018400100104";
    /** 蜀州社区05网格: W020 alone answers for it. */
    private static final double[] SHUZHOU_05 = {30.630456, 103.671444};
    /** 南街社区02网格 (蒲江, 510131): W023 alone answers for it. */
    private static final double[] NANJIE_02 = {30.19656, 103.505505};
    /** 粮丰社区10网格 (锦江, 510104): W005 alone answers for it. */
    private static final double[] LIANGFENG_10 = {30.611886, 104.127504};

    private static final String FIRE_RISK = "E0405";
    private static final String GUARDRAIL = "C0203";

    @Autowired
    private TestRestTemplate server;
    @Autowired
    private JdbcTemplate jdbc;
    private Api api;

    /** Rider A's case, in 崇州. */
    private String caseOfA;
    /** Rider B's case, in 蒲江. */
    private String caseOfB;
    /** A case in 锦江, the district supervisor's own. */
    private String caseInJinjiang;
    private Map<String, JsonNode> riders;

    @BeforeAll
    void fileACaseForEachParty() throws IOException {
        api = new Api(server);
        riders = demoRiders();
        caseOfA = api.fileCase(FIRE_RISK, SHUZHOU_04, "电动车充电线从窗口拉到楼下 scopealpha", "r042");
        caseOfB = api.fileCase(FIRE_RISK, NANJIE_02, "楼道堆放纸箱挡住消防栓 scopebravo", "r043");
        caseInJinjiang = api.fileCase(FIRE_RISK, LIANGFENG_10, "小区配电箱门坏了电线裸露 scopecharlie", "r047");
        for (String caseId : List.of(caseOfA, caseOfB, caseInJinjiang)) {
            api.awaitStatus(caseId, "DISPATCHED");
        }
    }

    @Test
    void riderCannotReadAnotherRidersCaseById() {
        assertThat(status(get("r043", "/api/cases/" + caseOfA))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status(get("r042", "/api/cases/" + caseOfB))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status(get("r042", "/api/cases/" + caseOfA))).isEqualTo(HttpStatus.OK);
    }

    @Test
    void riderCannotFindAnotherRidersCaseBySearch() {
        String search = "/api/cases?q=scopealpha&category=" + FIRE_RISK + "&cell=" + SHUZHOU_04_CELL;
        await().atMost(Api.READ_MODEL_WITHIN).until(() -> caseIds(search("r042", search)).contains(caseOfA));

        assertThat(caseIds(search("r043", search))).doesNotContain(caseOfA);
        assertThat(caseIds(search("r043", "/api/cases?q=scopealpha"))).isEmpty();
        assertThat(caseIds(search("w023", search))).doesNotContain(caseOfA);
    }

    @Test
    void riderListsOnlyTheCasesTheyFollow() {
        await().atMost(Api.READ_MODEL_WITHIN).until(() -> caseIds(search("r043", "/api/cases?size=100")).contains(caseOfB));

        assertThat(caseIds(search("r043", "/api/cases?size=100"))).doesNotContain(caseOfA, caseInJinjiang);
        assertThat(caseIds(search("r042", "/api/cases?size=100"))).contains(caseOfA).doesNotContain(caseOfB,
                caseInJinjiang);
    }

    @Test
    void riderSeesThePublicViewOfTheirOwnCase() {
        JsonNode own = get("r042", "/api/cases/" + caseOfA).getBody();

        assertThat(own.path("caseId").asText()).isEqualTo(caseOfA);
        assertThat(own.path("description").asText()).contains("scopealpha");
        assertThat(own.path("workerId").isMissingNode() || own.path("workerId").isNull()).isTrue();
        assertThat(own.path("reporterHandle").isMissingNode() || own.path("reporterHandle").isNull()).isTrue();
        assertThat(own.path("statusNote").isMissingNode() || own.path("statusNote").isNull()).isTrue();
    }

    @Test
    void corroboratingRiderSeesTheCaseToo() {
        double[] nextToIt = {SHUZHOU_04[0] + 0.0001, SHUZHOU_04[1]};
        assertThat(api.fileCase(FIRE_RISK, nextToIt, "同一处充电线，还在窗口挂着", "r044")).isEqualTo(caseOfA);

        ResponseEntity<JsonNode> seen = await().atMost(Api.READ_MODEL_WITHIN)
                .until(() -> get("r044", "/api/cases/" + caseOfA), response -> response.getStatusCode() == HttpStatus.OK);

        assertThat(seen.getBody().path("workerId").isMissingNode()).isTrue();
        assertThat(seen.getBody().path("reporterHandle").isMissingNode()).isTrue();
    }

    @Test
    void followingRiderSeesTheCaseToo() {
        assertThat(status(get("r045", "/api/cases/" + caseOfA))).isEqualTo(HttpStatus.NOT_FOUND);

        api.done(caseOfA, "follow", "r045", Map.of());

        ResponseEntity<JsonNode> seen = await().atMost(Api.READ_MODEL_WITHIN)
                .until(() -> get("r045", "/api/cases/" + caseOfA), response -> response.getStatusCode() == HttpStatus.OK);
        assertThat(seen.getBody().path("workerId").isMissingNode()).isTrue();
    }

    @Test
    void workerOfAnotherCellNeitherSeesNorAcceptsTheCase() {
        assertThat(status(get("w023", "/api/cases/" + caseOfB))).isEqualTo(HttpStatus.OK);
        assertThat(status(get("w023", "/api/cases/" + caseOfA))).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> accept = api.act(caseOfA, "accept", "w023", Map.of());

        // not even that the case exists, its state or what it allows: as for a case that does not exist
        assertThat(accept.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(accept.getBody().path("type").asText()).isEqualTo("/problems/not-found");
        assertThat(accept.getBody().toString()).doesNotContain("currentStatus", "allowedActions", "DISPATCHED");
        assertThat(api.awaitCase(caseOfA, c -> true).path("status").asText()).isEqualTo("DISPATCHED");
    }

    @Test
    void workerOfAnotherCellCannotVerifyAResolution() {
        String caseId = api.fileCase(GUARDRAIL, SHUZHOU_05, "路边护栏被撞断一截 scopedelta", "r048");
        api.awaitCase(caseId, c -> "W020".equals(c.path("workerId").asText()));
        api.done(caseId, "accept", "w020", Map.of());
        String after = api.uploadPhoto(Api.PNG, "w020");
        api.done(caseId, "resolve", "w020", Map.of("note", "护栏已修复", "photos", List.of(after)));
        api.awaitStatus(caseId, "RESOLVED");

        ResponseEntity<JsonNode> verify = api.act(caseId, "verify", "w023", Map.of("fixed", true));

        assertThat(verify.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // a rider with no part in it sees it on the public record, and is told they may not verify it
        ResponseEntity<JsonNode> byStranger = api.act(caseId, "verify", "r043", Map.of("fixed", true));
        assertThat(byStranger.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byStranger.getBody().path("attemptedAction").asText()).isEqualTo("VERIFY");
        assertThat(api.awaitCase(caseId, c -> true).path("status").asText()).isEqualTo("RESOLVED");
    }

    @Test
    void assignedWorkerSeesTheReportersHandleButNeverNameOrPhone() throws IOException {
        JsonNode rider = riders.get("R042");
        ResponseEntity<String> byId = raw("w019", "/api/cases/" + caseOfA);
        ResponseEntity<String> listed = raw("w019", "/api/cases?cell=" + SHUZHOU_04_CELL + "&size=100");

        assertThat(byId.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(Http.JSON.readTree(byId.getBody()).path("reporterHandle").asText())
                .isEqualTo(rider.path("handle").asText());
        assertThat(Http.JSON.readTree(byId.getBody()).path("workerId").asText()).isEqualTo("W019");
        for (ResponseEntity<String> response : List.of(byId, listed, raw("r042", "/api/cases/" + caseOfA),
                raw("r042", "/api/reports/nearby?lat=" + SHUZHOU_04[0] + "&lon=" + SHUZHOU_04[1]))) {
            assertThat(response.getBody()).contains(caseOfA)
                    .doesNotContain(rider.path("name").asText(), rider.path("phone").asText());
        }
    }

    @Test
    void workerCannotRevealTheReporter() {
        ResponseEntity<JsonNode> reveal = api.act(caseOfA, "reporter-identity", "w019", Map.of("reason", "想联系他"));

        assertThat(reveal.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(reveal.getBody().toString()).doesNotContain(riders.get("R042").path("phone").asText());
    }

    @Test
    void districtSupervisorSeesOnlyTheirDistrict() {
        assertThat(status(get("jinjiang", "/api/cases/" + caseInJinjiang))).isEqualTo(HttpStatus.OK);
        assertThat(status(get("jinjiang", "/api/cases/" + caseOfA))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status(get("jinjiang", "/api/cases/" + caseOfB))).isEqualTo(HttpStatus.NOT_FOUND);

        String listing = "/api/cases?category=" + FIRE_RISK + "&size=100";
        await().atMost(Api.READ_MODEL_WITHIN).until(() -> caseIds(search("jinjiang", listing)).contains(caseInJinjiang));
        assertThat(caseIds(search("jinjiang", listing))).doesNotContain(caseOfA, caseOfB);
        assertThat(search("jinjiang", "/api/cases?size=100").path("cases")).allSatisfy(
                c -> assertThat(c.path("cell").path("districtCode").asText()).isEqualTo("510104"));
    }

    @Test
    void districtSupervisorCannotActOutsideTheirDistrict() {
        ResponseEntity<JsonNode> escalate = api.act(caseOfA, "escalate", "jinjiang", Map.of("reason", "越区督办"));
        ResponseEntity<JsonNode> reveal = api.act(caseOfA, "reporter-identity", "jinjiang", Map.of("reason", "越区查看"));

        assertThat(escalate.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(reveal.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(revealsRecordedOn(caseOfA)).noneSatisfy(
                look -> assertThat(look.path("viewerId").asText()).isEqualTo("S002"));
    }

    @Test
    void citySupervisorRevealsTheReporterAndTheLookIsRecorded() {
        JsonNode rider = riders.get("R042");
        String reason = "核实举报细节，需电话联系举报人";
        assertThat(api.act(caseOfA, "reporter-identity", "supervisor", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<JsonNode> revealed = api.act(caseOfA, "reporter-identity", "supervisor", Map.of("reason", reason));

        assertThat(revealed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revealed.getBody().path("riderId").asText()).isEqualTo("R042");
        assertThat(revealed.getBody().path("name").asText()).isEqualTo(rider.path("name").asText());
        assertThat(revealed.getBody().path("phone").asText()).isEqualTo(rider.path("phone").asText());
        assertThat(revealsRecordedOn(caseOfA)).anySatisfy(look -> {
            assertThat(look.path("reporterId").asText()).isEqualTo("R042");
            assertThat(look.path("viewerId").asText()).isEqualTo("S001");
            assertThat(look.path("reason").asText()).isEqualTo(reason);
            assertThat(look.path("at").asText()).isNotBlank();
        });
        assertThat(jdbc.queryForList("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                 where aggregate_identifier = ? and convert_from(payload, 'UTF8') like ?""", String.class,
                caseOfA, "%" + rider.path("phone").asText() + "%")).as("the phone number never enters the events").isEmpty();
    }

    @Test
    void riderReadsTheirOwnPointsOnly() {
        assertThat(status(get("r042", "/api/riders/R043/points"))).as("as for a rider that does not exist")
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> own = get("r042", "/api/riders/R042/points");
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody().path("riderId").asText()).isEqualTo("R042");
    }

    private List<JsonNode> revealsRecordedOn(String caseId) {
        return jdbc.queryForList("""
                        select convert_from(payload, 'UTF8') from domain_event_entry
                         where aggregate_identifier = ? and payload_type like '%ReporterIdentityRevealedEvent'
                         order by global_index""", String.class, caseId)
                .stream().map(DataScopeIntegrationTest::parse).toList();
    }

    private ResponseEntity<JsonNode> get(String username, String path) {
        return api.as(username).getForEntity(path, JsonNode.class);
    }

    private ResponseEntity<String> raw(String username, String path) {
        return api.as(username).getForEntity(path, String.class);
    }

    private JsonNode search(String username, String path) {
        ResponseEntity<JsonNode> found = get(username, path);
        assertThat(found.getStatusCode()).as("%s as %s: %s", path, username, found.getBody()).isEqualTo(HttpStatus.OK);
        return found.getBody();
    }

    private static List<String> caseIds(JsonNode result) {
        return StreamSupport.stream(result.path("cases").spliterator(), false)
                .map(c -> c.path("caseId").asText()).toList();
    }

    private static HttpStatus status(ResponseEntity<?> response) {
        return HttpStatus.valueOf(response.getStatusCode().value());
    }

    private static JsonNode parse(String json) {
        try {
            return Http.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(json, e);
        }
    }

    private static Map<String, JsonNode> demoRiders() throws IOException {
        try (InputStream in = DataScopeIntegrationTest.class.getResourceAsStream("/gridwhistle/demo/riders.json")) {
            assertThat(in).as("the demo riders on the class path").isNotNull();
            List<JsonNode> all = new ArrayList<>();
            Http.JSON.readTree(in).forEach(all::add);
            return all.stream().collect(Collectors.toMap(r -> r.path("id").asText(), r -> r));
        }
    }
}
