package city.gridwhistle.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import city.gridwhistle.PageSession;
import city.gridwhistle.web.demo.DemoAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Query parameters and path variables are read as strictly as bodies, whichever controller takes them: text that
 * is not text (NUL, control characters) is refused naming the parameter, before any controller hands it to
 * PostgreSQL; a path variable longer than any id is refused before it reaches Elasticsearch, whose ids stop at 512
 * bytes; a radius out of range is refused on the supervisor's page as in the API. Open311's paths answer in
 * Open311's format even when Tomcat refuses the request itself, and nothing missing answers an empty 404.
 */
@IntegrationTest
class StrictParametersIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private TestRestTemplate server;

    @Test
    void aParameterThatIsNotTextIsRefusedNamingIt() {
        TestRestTemplate admin = new Api(server).as("admin");
        // both went to PostgreSQL as they were and came back 500
        refused(admin, "/api/admin/categories/changes?code=C01%00", "code");
        refused(admin, "/api/admin/webhooks/deliveries?platform=%1B%5B31m", "platform");
    }

    @Test
    void aPathVariableLongerThanAnyIdIsRefusedNamingIt() {
        TestRestTemplate rider = new Api(server).as("r025");
        // an Elasticsearch id of 5000 bytes was a 500
        refused(rider, "/api/stations/" + "a".repeat(5_000), "stationId");
        refused(rider, "/api/stations/" + java.net.URLEncoder.encode("井".repeat(129),
                java.nio.charset.StandardCharsets.UTF_8), "stationId");
    }

    @Test
    void aRadiusOutOfRangeIsRefusedOnTheSupervisorsPageToo() throws Exception {
        HttpClient page = PageSession.signIn(server.getRootUri(), "supervisor", DemoAccounts.PASSWORD);
        HttpResponse<String> answer = page.send(HttpRequest.newBuilder(URI.create(server.getRootUri()
                + "/supervisor/cases/results?near=30.6,104.1,-5")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).path("errors").path(0).path("field").asText()).isEqualTo("near");
    }

    @Test
    void nothingByThatIdIsAProblemNotAnEmpty404() {
        TestRestTemplate admin = new Api(server).as("admin");
        for (String path : new String[] {"/api/admin/accounts/nobody-of-ours/disable",
                "/api/admin/accounts/nobody-of-ours/enable"}) {
            ResponseEntity<JsonNode> answer = admin.postForEntity(path, null, JsonNode.class);
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        ResponseEntity<JsonNode> key = admin.exchange("/api/admin/api-keys/0000000000000000",
                org.springframework.http.HttpMethod.DELETE, null, JsonNode.class);
        assertThat(key.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(key.getBody().path("type").asText()).isEqualTo("/problems/not-found");
        ResponseEntity<JsonNode> station = new Api(server).as("r025").getForEntity("/api/stations/NO-SUCH",
                JsonNode.class);
        assertThat(station.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(station.getBody().path("type").asText()).isEqualTo("/problems/not-found");
    }

    @Test
    void open311AnswersInItsOwnFormatWhoeverRefuses() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        // refused by the parameter check, and by Tomcat before the application sees it
        for (String path : new String[] {"/open311/v2/requests.json?service_request_id=%00",
                "/open311/v2/requests.%00", "/open311/v2/services/%00.json"}) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(server.getRootUri() + path))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            JsonNode errors = JSON.readTree(answer.body());
            assertThat(errors.isArray()).as("%s: %s", path, answer.body()).isTrue();
            assertThat(errors.path(0).path("code").asInt()).isEqualTo(400);
            assertThat(answer.body()).as(path).startsWith("[{\"code\":");
        }
    }

    private void refused(TestRestTemplate caller, String pathAndQuery, String parameter) {
        ResponseEntity<JsonNode> answer = caller.getForEntity(URI.create(server.getRootUri() + pathAndQuery),
                JsonNode.class);
        assertThat(answer.getStatusCode()).as("%s: %s", pathAndQuery.substring(0, Math.min(80, pathAndQuery.length())),
                answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("type").asText()).isEqualTo("/problems/invalid-parameter");
        assertThat(answer.getBody().path("errors").path(0).path("field").asText()).isEqualTo(parameter);
    }
}
