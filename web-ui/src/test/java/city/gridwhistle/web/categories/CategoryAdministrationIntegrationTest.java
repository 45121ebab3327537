package city.gridwhistle.web.categories;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * An administrator changes a category's time limit with a reason: the catalogue has the new rule at once and the
 * trail says who changed what and why. Bad input names the field and records nothing. The category edited here,
 * E0102 (construction waste), is one whose time limits no other test depends on; only its verify limit is changed.
 */
@IntegrationTest
class CategoryAdministrationIntegrationTest {

    private static final String CODE = "E0102";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private TestRestTemplate http;

    private TestRestTemplate admin() {
        return new Api(http).as("admin");
    }

    private ResponseEntity<JsonNode> put(String code, JsonNode body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return admin().exchange("/api/admin/categories/" + code, HttpMethod.PUT, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    private JsonNode entry(String code) {
        for (JsonNode entry : admin().getForObject("/api/admin/categories", JsonNode.class).path("categories")) {
            if (entry.path("rules").path("code").asText().equals(code)) {
                return entry;
            }
        }
        throw new AssertionError("no category " + code);
    }

    /** The change an administrator's form sends: the category as it is, with the given reason. */
    private ObjectNode asItIs(String reason) {
        JsonNode entry = entry(CODE);
        ObjectNode change = JSON.createObjectNode();
        change.put("urgency", entry.path("rules").path("urgency").asText());
        change.set("limits", entry.path("rules").path("limits").deepCopy());
        change.put("duplicateRadiusMeters", entry.path("rules").path("duplicateRadiusMeters").asInt());
        change.put("active", entry.path("active").asBoolean());
        change.put("reason", reason);
        return change;
    }

    private int changes() {
        return admin().getForObject("/api/admin/categories/changes?code=" + CODE, JsonNode.class).path("changes").size();
    }

    @Test
    void aChangedTimeLimitIsInForceAtOnceAndTheTrailSaysWhoChangedWhatAndWhy() {
        ObjectNode change = asItIs("核查人手不足，延长核查时限");
        int verifyBefore = change.path("limits").path("verify").path("amount").asInt();
        ((ObjectNode) change.path("limits").path("verify")).put("amount", verifyBefore + 1);

        assertThat(put(CODE, change).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(entry(CODE).path("rules").path("limits").path("verify").path("amount").asInt())
                .isEqualTo(verifyBefore + 1);
        JsonNode latest = admin().getForObject("/api/admin/categories/changes?code=" + CODE, JsonNode.class)
                .path("changes").path(0);
        assertThat(latest.path("username").asText()).isEqualTo("admin");
        assertThat(latest.path("role").asText()).isEqualTo("ADMIN");
        assertThat(latest.path("reason").asText()).isEqualTo("核查人手不足，延长核查时限");
        assertThat(latest.path("fields")).hasSize(1);
        assertThat(latest.path("fields").path(0).path("field").asText()).isEqualTo("limits.verify");
        assertThat(latest.path("fields").path(0).path("after").path("amount").asInt()).isEqualTo(verifyBefore + 1);

        int recorded = changes();
        assertThat(put(CODE, asItIs("再次保存")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(changes()).as("the same rules again record nothing").isEqualTo(recorded);
    }

    @Test
    void badChangesNameTheFieldAndRecordNothing() {
        int recorded = changes();
        JsonNode before = entry(CODE);

        ObjectNode zero = asItIs("错误的时限");
        ((ObjectNode) zero.path("limits").path("handle")).put("amount", 0);
        assertRefused(put(CODE, zero), HttpStatus.BAD_REQUEST, "/problems/invalid-request", "limits.handle.amount");

        ObjectNode wide = asItIs("半径过大");
        wide.put("duplicateRadiusMeters", 5000);
        assertRefused(put(CODE, wide), HttpStatus.BAD_REQUEST, "/problems/invalid-request", "duplicateRadiusMeters");

        ObjectNode noReason = asItIs("");
        noReason.put("urgency", "URGENT");
        assertRefused(put(CODE, noReason), HttpStatus.BAD_REQUEST, "/problems/invalid-request", "reason");

        ObjectNode badUnit = asItIs("单位");
        ((ObjectNode) badUnit.path("limits").path("accept")).put("unit", "FORTNIGHTS");
        assertRefused(put(CODE, badUnit), HttpStatus.BAD_REQUEST, "/problems/unreadable-request", "limits.accept.unit");

        assertRefused(put("X9999", asItIs("不存在的类别")), HttpStatus.UNPROCESSABLE_ENTITY, "/problems/unknown-category",
                "code");

        assertThat(changes()).isEqualTo(recorded);
        assertThat(entry(CODE)).isEqualTo(before);
    }

    private static void assertRefused(ResponseEntity<JsonNode> response, HttpStatus status, String type, String field) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getBody().path("type").asText()).isEqualTo(type);
        assertThat(response.getBody().path("errors")).extracting(e -> e.path("field").asText()).contains(field);
    }
}
