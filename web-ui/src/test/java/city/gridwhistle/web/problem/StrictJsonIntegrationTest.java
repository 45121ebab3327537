package city.gridwhistle.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * A JSON value of the wrong type is refused, never converted: a boolean or a number where text belongs, text where a
 * number or a boolean belongs, a fraction where a whole number belongs, a number where an instant belongs. The answer
 * is 400 {@code unreadable-request} whose {@code errors} name the field by its path and the type expected, and
 * nothing is recorded. Every body below would be refused for another field, or would change nothing, if its wrong
 * value were converted, so a converted value shows as the wrong field named (or none). The mappers that read stored
 * data (Axon's events, the index's documents) stay as they were.
 */
@IntegrationTest
class StrictJsonIntegrationTest {

    private static final String NO_CASE = "00000000-0000-0000-0000-0000000c0e7e";

    @Autowired
    private TestRestTemplate server;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ObjectMapper applicationMapper;
    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private RequestMappingHandlerAdapter mvc;
    private Api api;
    private long eventsBefore;

    @BeforeEach
    void setUp() {
        api = new Api(server);
        eventsBefore = events();
    }

    @AfterEach
    void nothingWasRecorded() {
        assertThat(events()).as("events recorded by refused requests").isEqualTo(eventsBefore);
    }

    @Test
    void aReportWithAValueOfTheWrongTypeIsRefusedNamingTheField() {
        // every report lies off the globe in another field, so a converted value would be refused for that one
        refused(report("\"description\": true", "\"lat\": 91.5"), "description", "string");
        refused(report("\"description\": 12345", "\"lat\": 91.5"), "description", "string");
        refused(report("\"categoryCode\": 101", "\"lat\": 91.5"), "categoryCode", "string");
        refused(report("\"lat\": \"30.6\"", "\"lon\": 181"), "lat", "number");
        refused(report("\"lat\": \"\"", "\"lon\": 181"), "lat", "number");
        refused(report("\"lat\": true", "\"lon\": 181"), "lat", "number");
        refused(report("\"lat\": [30.6]", "\"lon\": 181"), "lat", "number");
        refused(report("\"deviceTime\": 1764374400", "\"lat\": 91.5"), "deviceTime", "instant");
        refused(report("\"deviceTime\": true", "\"lat\": 91.5"), "deviceTime", "instant");
        refused(report("\"address\": {\"street\": \"成龙大道\"}", "\"lat\": 91.5"), "address", "string");
    }

    @Test
    void aFieldNobodyAsksForIsRefusedRatherThanDropped() {
        refused(report("\"adress\": \"成龙大道二段\"", "\"lat\": 91.5"), "adress", "unknown field");
    }

    @Test
    void aSecondValueAfterTheBodyIsRefused() {
        ResponseEntity<JsonNode> answer = send(HttpMethod.POST, "/api/reports", "r025",
                report("\"lat\": 91.5") + " {\"lat\": 30.6}");
        assertRefused(answer, "body", "one JSON value");
    }

    @Test
    void aReportPartOfAMultipartUploadIsAsStrict() {
        var body = new LinkedMultiValueMap<String, Object>();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        body.add("report", new HttpEntity<>(report("\"lat\": \"30.6\"", "\"lon\": 181"), json));
        HttpHeaders multipart = new HttpHeaders();
        multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> answer = api.as("r025").postForEntity("/api/reports",
                new HttpEntity<>(body, multipart), JsonNode.class);
        assertRefused(answer, "lat", "number");
    }

    @Test
    void caseActionsRefuseValuesOfTheWrongType() {
        // the case does not exist: a converted body would be answered 404
        refused(HttpMethod.POST, "/api/cases/" + NO_CASE + "/park", "supervisor", "{\"reason\": 12345}",
                "reason", "string");
        refused(HttpMethod.POST, "/api/cases/" + NO_CASE + "/notes", "supervisor",
                "{\"note\": \"x\", \"photos\": [\"" + "a".repeat(64) + "\", 7]}", "photos[1]", "string");
        refused(HttpMethod.POST, "/api/cases/" + NO_CASE + "/verify", "supervisor", "{\"fixed\": \"true\"}",
                "fixed", "true or false");
        refused(HttpMethod.POST, "/api/cases/" + NO_CASE + "/verify", "supervisor", "{\"fixed\": 1}",
                "fixed", "true or false");
    }

    @Test
    void administratorsBodiesRefuseValuesOfTheWrongType() {
        String rules = "{\"urgency\": \"NORMAL\", \"limits\": {"
                + "\"dispatch\": {\"amount\": 2, \"unit\": \"WORKING_HOURS\"},"
                + " \"accept\": {\"amount\": %s, \"unit\": \"WORKING_HOURS\"},"
                + " \"handle\": {\"amount\": 2, \"unit\": \"WORKING_DAYS\"},"
                + " \"verify\": {\"amount\": 2, \"unit\": \"WORKING_DAYS\"}}, \"duplicateRadiusMeters\": %s,"
                + " \"active\": %s, \"reason\": \"严格\"}";
        // X9999 is no category: a converted body would be answered 422
        refused(HttpMethod.PUT, "/api/admin/categories/X9999", "admin", rules.formatted("2", "12.5", "true"),
                "duplicateRadiusMeters", "whole number");
        refused(HttpMethod.PUT, "/api/admin/categories/X9999", "admin", rules.formatted("\"2\"", "50", "true"),
                "limits.accept.amount", "whole number");
        refused(HttpMethod.PUT, "/api/admin/categories/X9999", "admin", rules.formatted("2", "50", "\"yes\""),
                "active", "true or false");
        refused(HttpMethod.PUT, "/api/admin/categories/X9999", "admin", rules.formatted("2", "50", "1"),
                "active", "true or false");
        refused(HttpMethod.POST, "/api/admin/stations", "admin", "{\"name\": \"严格\", \"lat\": \"30.61\","
                + " \"lon\": 200, \"opens\": \"08:00\", \"closes\": \"20:00\"}", "lat", "number");
        refused(HttpMethod.POST, "/api/admin/stations", "admin", "{\"name\": \"严格\", \"lat\": 30.61, \"lon\": 200,"
                + " \"opens\": \"08:00\", \"closes\": \"20:00\", \"services\": [true]}", "services[0]", "string");
    }

    @Test
    void aGridFileWithACodeThatIsNotTextIsRefused() {
        // the polygon has two corners only, so a code read from a number would leave the geometry as the only fault
        String file = "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\":"
                + " {\"code\": 51010400100112, \"name\": \"严格\", \"districtCode\": \"510104\", \"district\": \"锦江区\","
                + " \"streetCode\": \"510104001\", \"street\": \"街道\", \"communityCode\": \"510104001001\","
                + " \"community\": \"社区\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\":"
                + " [[[104.1, 30.6], [104.2, 30.7]]]}}]}";
        ResponseEntity<JsonNode> answer = send(HttpMethod.POST, "/api/admin/grid", "admin", file);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reasonFor(answer.getBody(), "features[0].properties.code")).contains("string");
    }

    @Test
    void textThatIsNotTextIsRefusedInEveryBodyNamingTheField() {
        // none of these fields is marked @PlainText: the reader itself refuses such text, in every string
        long keys = jdbc.queryForObject("select count(*) from api_key", Long.class);
        refused(HttpMethod.POST, "/api/admin/api-keys", "admin", "{\"partner\": \"a\\ud800b\"}", "partner",
                "not text");
        refused(HttpMethod.POST, "/api/admin/api-keys", "admin", "{\"partner\": \"合作\\u0000方\"}", "partner",
                "not text");
        refused(HttpMethod.PUT, "/api/riders/me/leaderboard-name", "r025", "{\"displayName\": \"\\u001b[31m红\"}",
                "displayName", "not text");
        refused(HttpMethod.POST, "/api/cases/" + NO_CASE + "/notes", "supervisor",
                "{\"note\": \"x\", \"photos\": [\"\\uffff\"]}", "photos[0]", "not text");
        assertThat(jdbc.queryForObject("select count(*) from api_key", Long.class)).as("keys").isEqualTo(keys);
    }

    @Test
    void aBodyThatIsNotUtf8IsRefused() {
        // {} in UTF-16 with its byte order mark: read as {}, it would take the rider off the leaderboard
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        byte[] utf16 = {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0};
        assertRefused(api.as("r025").exchange("/api/riders/me/leaderboard-name", HttpMethod.PUT,
                new HttpEntity<>(utf16, json), JsonNode.class), "body", "UTF-8");
        HttpHeaders declared = new HttpHeaders();
        declared.setContentType(MediaType.parseMediaType("application/json; charset=UTF-16"));
        assertRefused(api.as("r025").exchange("/api/riders/me/leaderboard-name", HttpMethod.PUT,
                new HttpEntity<>("{}".getBytes(java.nio.charset.StandardCharsets.UTF_16), declared), JsonNode.class),
                "body", "UTF-8");
    }

    @Test
    void theMappersThatReadStoredDataAreUntouched() throws Exception {
        // Axon's events and snapshots are read with the application's mapper, as they always were
        assertThat(eventSerializer).isInstanceOf(JacksonSerializer.class);
        assertThat(((JacksonSerializer) eventSerializer).getObjectMapper()).isSameAs(applicationMapper);
        record Lenient(Double lat, String text) {
        }
        assertThat(applicationMapper.readValue("{\"lat\": \"30.6\", \"text\": 12, \"more\": 1}", Lenient.class))
                .isEqualTo(new Lenient(30.6, "12"));
        List<String> streams = jdbc.queryForList("select aggregate_identifier from domain_event_entry"
                + " group by aggregate_identifier order by min(global_index) limit 50", String.class);
        assertThat(streams).isNotEmpty();
        streams.forEach(id -> eventStore.readEvents(id, 0).asStream().forEach(event -> event.getPayload()));

        // requests are read by a stricter copy, which writes exactly as the application's mapper does
        ObjectMapper requests = mvc.getMessageConverters().stream()
                .filter(MappingJackson2HttpMessageConverter.class::isInstance)
                .map(c -> ((MappingJackson2HttpMessageConverter) c).getObjectMapper()).findFirst().orElseThrow();
        assertThat(requests).isNotSameAs(applicationMapper);
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("at", Instant.parse("2026-11-29T08:00:00Z"));
        sample.put("nothing", null);
        sample.put("problem", Problems.of(HttpStatus.BAD_REQUEST, "sample", "why"));
        assertThat(requests.writeValueAsString(sample)).isEqualTo(applicationMapper.writeValueAsString(sample));
    }

    // ---- helpers

    private static String report(String... fields) {
        Map<String, String> report = new LinkedHashMap<>(Map.of("categoryCode", "\"C0101\"", "lat", "30.611885",
                "lon", "104.129584", "description", "\"井盖缺失\""));
        for (String field : fields) {
            int colon = field.indexOf(':');
            report.put(field.substring(1, colon - 1), field.substring(colon + 1).strip());
        }
        StringBuilder json = new StringBuilder("{");
        report.forEach((name, value) -> json.append(json.length() > 1 ? ", " : "").append('"').append(name)
                .append("\": ").append(value));
        return json.append('}').toString();
    }

    private void refused(String report, String field, String expected) {
        refused(HttpMethod.POST, "/api/reports", "r025", report, field, expected);
    }

    private void refused(HttpMethod method, String path, String caller, String body, String field, String expected) {
        assertRefused(send(method, path, caller, body), field, expected);
    }

    private static void assertRefused(ResponseEntity<JsonNode> answer, String field, String expected) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().path("type").asText()).isEqualTo("/problems/unreadable-request");
        assertThat(answer.getBody().path("errors")).as("%s", answer.getBody()).hasSize(1);
        assertThat(reasonFor(answer.getBody(), field)).contains(expected);
        assertThat(answer.getBody().toString()).doesNotContain("Exception", "java.", "city.gridwhistle");
    }

    private static String reasonFor(JsonNode problem, String field) {
        for (JsonNode error : problem.path("errors")) {
            if (error.path("field").asText().equals(field)) {
                return error.path("reason").asText();
            }
        }
        throw new AssertionError("no error names " + field + ": " + problem);
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, String caller, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return api.as(caller).exchange(path, method, new HttpEntity<>(json, headers), JsonNode.class);
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
