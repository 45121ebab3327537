package city.gridwhistle.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rider asks to be forgotten (PIPL). Until then their name and phone exist only sealed under their own key; a
 * supervisor who asks who reported a case sees them. An administrator erases the rider: the key is destroyed, the
 * supervisor now sees the reporter as erased, the name and phone are nowhere in the database, and not one existing
 * event changed, so the case history is whole and every hash chain still verifies.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersonalDataErasureIntegrationTest {

    /** 书房社区08网格 (龙泉驿, 510112): no other test reports here. */
    private static final double[] SHUFANG_08 = {30.59688, 104.26200};
    private static final String GAS_SMELL = "E0406";
    private static final String PIPL_REQUEST = "个人信息删除请求 PIPL-2026-0037";

    @Autowired
    private TestRestTemplate server;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private CommandGateway commands;
    private Api api;
    /** Registered for this test: nobody else reports as, reveals or erases them. */
    private FreshRider rider;
    private String name;
    private String phone;
    private String caseId;
    private List<Map<String, Object>> caseEventsBefore;
    private List<Map<String, Object>> riderEventsBefore;

    @BeforeAll
    void riderReportsACase() {
        api = new Api(server);
        rider = FreshRider.register(api, commands, "510112");
        name = rider.name();
        phone = rider.phone();
        caseId = api.fileCase(GAS_SMELL, SHUFANG_08, "书房社区小区门口一直有燃气味 erasurealpha", rider.username());
    }

    @Test
    @Order(1)
    void theIdentityTableHoldsNoPlainNameOrPhone() {
        Map<String, Object> row = jdbc.queryForMap("select * from rider_identity where rider_id = ?", rider.riderId());

        assertThat(row).doesNotContainKeys("name", "phone");
        assertThat((byte[]) row.get("name_ciphertext")).isNotEmpty();
        assertThat((byte[]) row.get("phone_ciphertext")).isNotEmpty();
        assertThat(jdbc.queryForObject("select count(*) from person_key where subject_id = ?", Long.class,
                rider.riderId())).isEqualTo(1);
        assertThat(tablesHolding(name)).as("tables holding the name %s", name).isEmpty();
        assertThat(tablesHolding(phone)).as("tables holding the phone %s", phone).isEmpty();
    }

    @Test
    @Order(2)
    void aSupervisorSeesTheReportersNameBeforeErasure() {
        ResponseEntity<JsonNode> revealed = reveal("核实燃气泄漏位置，需电话联系举报人");

        assertThat(revealed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revealed.getBody().path("riderId").asText()).isEqualTo(rider.riderId());
        assertThat(revealed.getBody().path("name").asText()).isEqualTo(name);
        assertThat(revealed.getBody().path("phone").asText()).isEqualTo(phone);
        assertThat(revealed.getBody().path("erased").asBoolean()).isFalse();
    }

    @Test
    @Order(3)
    void onlyAnAdministratorErasesAndAlwaysSaysWhy() {
        assertThat(erase("supervisor", PIPL_REQUEST).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(erase(rider.username(), PIPL_REQUEST).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(erase("w010", PIPL_REQUEST).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(erase("admin", " ").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(reveal("确认删除前信息仍可查").getBody().path("name").asText()).isEqualTo(name);
    }

    @Test
    @Order(4)
    void anAdministratorErasesTheRiderAndNoExistingEventChanges() {
        caseEventsBefore = eventsOf(caseId);
        riderEventsBefore = eventsOf(rider.riderId());

        assertThat(erase("admin", PIPL_REQUEST).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(eventsOf(caseId)).as("the case's events, byte for byte").isEqualTo(caseEventsBefore);
        List<Map<String, Object>> riderEvents = eventsOf(rider.riderId());
        assertThat(riderEvents).hasSize(riderEventsBefore.size() + 1)
                .startsWith(riderEventsBefore.toArray(Map[]::new));
        Map<String, Object> erasure = riderEvents.getLast();
        assertThat((String) erasure.get("payload_type")).endsWith(".PersonalDataErasedEvent");
        String payload = new String(HexFormat.of().parseHex((String) erasure.get("payload")), StandardCharsets.UTF_8);
        assertThat(payload).contains(rider.riderId(), PIPL_REQUEST).doesNotContain(name, phone);
        assertThat(jdbc.queryForObject("select count(*) from person_key where subject_id = ? and wrapped_key is not"
                + " null", Long.class, rider.riderId())).as("the rider's key").isZero();
    }

    @Test
    @Order(5)
    void afterErasureTheSupervisorSeesTheReporterAsErased() {
        ResponseEntity<String> revealed = api.as("supervisor").exchange("/api/cases/" + caseId + "/reporter-identity",
                HttpMethod.POST, json(Map.of("reason", "删除后复查举报人")), String.class);

        assertThat(revealed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revealed.getBody()).doesNotContain(name, phone);
        JsonNode identity = read(revealed.getBody());
        assertThat(identity.path("riderId").asText()).isEqualTo(rider.riderId());
        assertThat(identity.path("erased").asBoolean()).isTrue();
    }

    @Test
    @Order(6)
    void afterErasureTheNameAndPhoneAreNowhereInTheDatabase() {
        Map<String, Object> row = jdbc.queryForMap("select * from rider_identity where rider_id = ?", rider.riderId());

        assertThat(row.get("name_ciphertext")).isNull();
        assertThat(row.get("phone_ciphertext")).isNull();
        assertThat(row.get("erased_at")).isNotNull();
        assertThat(tablesHolding(name)).isEmpty();
        assertThat(tablesHolding(phone)).isEmpty();
    }

    @Test
    @Order(7)
    void theCaseAndItsHistoryStayWhole() {
        JsonNode theCase = api.awaitCase(caseId, c -> true);

        assertThat(theCase.path("caseId").asText()).isEqualTo(caseId);
        assertThat(theCase.path("description").asText()).contains("erasurealpha");
        assertThat(eventsOf(caseId)).startsWith(caseEventsBefore.toArray(Map[]::new));
    }

    @Test
    @Order(8)
    void erasingAgainChangesNothing() {
        int events = eventsOf(rider.riderId()).size();

        assertThat(erase("admin", "重复的删除请求").getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(eventsOf(rider.riderId())).hasSize(events);
    }

    @Test
    @Order(9)
    void theCaseAndTheRiderChainsStillVerify() {
        for (String aggregateId : List.of(caseId, rider.riderId())) {
            JsonNode report = api.as("admin").getForObject("/api/admin/audit/verification/" + aggregateId, JsonNode.class);

            assertThat(report.path("intact").asBoolean()).as("chain of %s: %s", aggregateId, report).isTrue();
            assertThat(report.path("eventsChecked").asLong()).isPositive();
        }
    }

    private ResponseEntity<JsonNode> reveal(String reason) {
        return api.act(caseId, "reporter-identity", "supervisor", Map.of("reason", reason));
    }

    private ResponseEntity<String> erase(String username, String reason) {
        return api.as(username).exchange("/api/admin/riders/" + rider.riderId() + "/personal-data", HttpMethod.DELETE,
                json(Map.of("reason", reason)), String.class);
    }

    /** Every stored column of the aggregate's events, in order: payloads and metadata as bytes. */
    private List<Map<String, Object>> eventsOf(String aggregateId) {
        return jdbc.queryForList("""
                select global_index, event_identifier, sequence_number, type, payload_type, payload_revision,
                       time_stamp, payload, meta_data
                  from domain_event_entry where aggregate_identifier = ? order by sequence_number""", aggregateId)
                .stream().map(PersonalDataErasureIntegrationTest::comparable).toList();
    }

    /** Byte arrays compared by content: as hex. */
    private static Map<String, Object> comparable(Map<String, Object> row) {
        var copy = new java.util.LinkedHashMap<String, Object>();
        row.forEach((column, value) -> copy.put(column, value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value));
        return copy;
    }

    /** The tables of the application's schema where the value occurs, as text or as UTF-8 bytes in a bytea. */
    private List<String> tablesHolding(String value) {
        String hex = HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8));
        List<String> tables = jdbc.queryForList("""
                select table_name from information_schema.tables
                 where table_schema = current_schema() and table_type = 'BASE TABLE'""", String.class);
        return tables.stream().filter(table -> jdbc.queryForObject(
                "select count(*) from \"" + table + "\" t where t::text like ? or t::text like ?", Long.class,
                "%" + value + "%", "%" + hex + "%") > 0).toList();
    }

    private static HttpEntity<Map<String, ?>> json(Map<String, ?> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(json, e);
        }
    }
}
