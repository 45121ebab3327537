package city.gridwhistle.web.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.Api;
import city.gridwhistle.DemoCity;
import city.gridwhistle.IntegrationTest;
import city.gridwhistle.query.search.CaseIndex;
import city.gridwhistle.query.search.CaseSearchProjection;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The {@code Location} of a 201 answers at once, even when the index has not caught up: here it has not caught up at
 * all, because the projection that writes it is stopped while the cases are filed and read back. The answer then
 * comes from the case's events, under the same visibility rule as the index's.
 */
@IntegrationTest
class ReadYourWritesIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private TestRestTemplate anyone;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private ElasticsearchClient elasticsearch;
    private Api api;

    @BeforeEach
    void stopTheIndex() {
        api = new Api(anyone);
        caseIndex().shutDown();
    }

    @AfterEach
    void startTheIndex() {
        caseIndex().start();
    }

    private EventProcessor caseIndex() {
        return processing.eventProcessor(CaseSearchProjection.GROUP, EventProcessor.class).orElseThrow();
    }

    @Test
    void aRiderReadsTheCaseTheyJustFiledAndNobodyElseDoes() throws Exception {
        ResponseEntity<JsonNode> filed = api.file("C0101", DemoCity.LIANGFENG_02, "井盖缺失，刚刚拍到 read-your-writes",
                "r001");
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String location = filed.getHeaders().getLocation().toString();
        String caseId = filed.getBody().path("caseId").asText();

        ResponseEntity<JsonNode> mine = api.as("r001").getForEntity(location, JsonNode.class);
        assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(mine.getBody().path("caseId").asText()).isEqualTo(caseId);
        assertThat(mine.getBody().path("status").asText()).isEqualTo("DISPATCHED");
        assertThat(mine.getBody().path("description").asText()).contains("read-your-writes");

        ResponseEntity<JsonNode> handler = api.as(Api.WATCHER).getForEntity(location, JsonNode.class);
        assertThat(handler.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(handler.getBody().path("workerId").asText()).isEqualTo(filed.getBody().path("workerId").asText());

        // another rider learns nothing, not even that the case exists: the same 404 as an id that names nothing
        ResponseEntity<String> other = api.as("r002").getForEntity(location, String.class);
        String none = "00000000-0000-0000-0000-00000000dead";
        ResponseEntity<String> nothing = api.as("r002").getForEntity("/api/cases/" + none, String.class);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(nothing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.getBody().replace(caseId, "ID")).isEqualTo(nothing.getBody().replace(none, "ID"));
        assertThat(anyone.getForEntity(location, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        // the index is still behind: this answer did not come from it
        assertThat(inIndex(caseId)).isFalse();
    }

    @Test
    void anOpen311ClientReadsTheRequestItJustPostedInThePublicShape() throws Exception {
        String key = api.partnerKey("read-your-writes client");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("api_key", key);
        form.add("service_code", "E0501");
        form.add("lat", Double.toString(DemoCity.SHUFANG_05[0]));
        form.add("long", Double.toString(DemoCity.SHUFANG_05[1]));
        form.add("description", "消防通道被堵 13800000000");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> posted = anyone.postForEntity("/open311/v2/requests.json",
                new HttpEntity<>(form, headers), String.class);
        assertThat(posted.getStatusCode()).as(posted.getBody()).isEqualTo(HttpStatus.OK);
        String id = JSON.readTree(posted.getBody()).path(0).path("service_request_id").asText();

        ResponseEntity<String> read = anyone.getForEntity("/open311/v2/requests/" + id + ".json", String.class);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode request = JSON.readTree(read.getBody()).path(0);
        assertThat(request.path("service_request_id").asText()).isEqualTo(id);
        assertThat(request.path("status").asText()).isEqualTo("open");
        assertThat(request.path("service_code").asText()).isEqualTo("E0501");
        // the public record, not the reporter's words: same shape as from the index
        assertThat(read.getBody()).doesNotContain("13800000000", "消防通道被堵");
        assertThat(Math.abs(request.path("lat").asDouble() - DemoCity.SHUFANG_05[0])).isLessThan(0.001);

        ResponseEntity<String> xml = anyone.getForEntity("/open311/v2/requests/" + id + ".xml", String.class);
        assertThat(xml.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(xml.getBody()).contains("<service_request_id>" + id + "</service_request_id>");
    }

    @Test
    void onceTheIndexCatchesUpTheAnswerIsTheSame() throws Exception {
        String caseId = api.fileCase("C0101", DemoCity.LIANGFENG_02, "井盖缺失，先读事件后读索引", "r001");
        JsonNode fromEvents = api.as("r001").getForObject("/api/cases/" + caseId, JsonNode.class);

        caseIndex().start();
        await().atMost(Api.READ_MODEL_WITHIN).until(() -> inIndex(caseId));
        JsonNode fromIndex = api.as("r001").getForObject("/api/cases/" + caseId, JsonNode.class);

        assertThat(fromEvents).isEqualTo(fromIndex);
    }

    /** Whether the index holds the case's document. */
    private boolean inIndex(String caseId) throws java.io.IOException {
        return elasticsearch.exists(e -> e.index(CaseIndex.ALIAS).id(caseId)).value();
    }
}
