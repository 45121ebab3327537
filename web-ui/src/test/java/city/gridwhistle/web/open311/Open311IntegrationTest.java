package city.gridwhistle.web.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
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
import org.springframework.web.util.UriComponentsBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Open311 GeoReport v2 as a client speaks it: discovery and services, a partner filing a request with its key,
 * and anyone reading it back, in JSON and XML, with the specification's errors for bad input. Files category
 * E0501 (blocked fire lane) in 书房社区09网格 and 蜀州社区01网格, which no other test uses.
 */
@IntegrationTest
class Open311IntegrationTest {

    static final double[] SHUFANG_09 = {30.596808, 104.262937};
    static final double[] SHUZHOU_01 = {30.629463, 103.671332};
    static final String SERVICE = "E0501";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private TestRestTemplate anyone;
    private String apiKey;

    @BeforeEach
    void issueAPartnerKey() {
        apiKey = new Api(anyone).partnerKey("open311 test client");
    }

    @Test
    void discoveryNamesTheEndpointAndItsFormats() throws Exception {
        ResponseEntity<String> json = get("/open311/v2/discovery.json");
        assertJson(json, HttpStatus.OK);
        JsonNode endpoint = JSON.readTree(json.getBody()).path("endpoints").path(0);
        assertThat(endpoint.path("specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.path("url").asText()).endsWith("/open311/v2");
        assertThat(endpoint.path("formats").toString()).contains("text/xml", "application/json");

        ResponseEntity<String> xml = get("/open311/v2/discovery.xml");
        Element root = assertXml(xml, HttpStatus.OK, "discovery");
        assertThat(text(root, "specification")).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(root.getElementsByTagName("format").getLength()).isEqualTo(2);
    }

    @Test
    void servicesAreTheCategoriesInBothFormats() throws Exception {
        ResponseEntity<String> json = get("/open311/v2/services.json");
        assertJson(json, HttpStatus.OK);
        JsonNode fireLane = find(JSON.readTree(json.getBody()), "service_code", SERVICE);
        assertThat(fireLane.path("service_code").isTextual()).isTrue();
        assertThat(fireLane.path("service_name").asText()).isEqualTo("占用消防通道");
        assertThat(fireLane.path("description").asText()).contains("Blocked fire lane");
        assertThat(fireLane.path("metadata").asBoolean(false)).as("it asks questions").isTrue();
        assertThat(fireLane.path("type").asText()).isEqualTo("realtime");
        assertThat(fireLane.path("keywords").asText()).contains("消防");
        assertThat(fireLane.path("group").asText()).contains("街面秩序");

        Element services = assertXml(get("/open311/v2/services.xml"), HttpStatus.OK, "services");
        assertThat(services.getElementsByTagName("service").getLength()).isEqualTo(JSON.readTree(json.getBody()).size());
        assertThat(services.getTextContent()).contains("占用消防通道");
    }

    @Test
    void aServiceDefinitionListsItsAttributes() throws Exception {
        ResponseEntity<String> json = get("/open311/v2/services/" + SERVICE + ".json");
        assertJson(json, HttpStatus.OK);
        JsonNode definition = JSON.readTree(json.getBody());
        assertThat(definition.path("service_code").asText()).isEqualTo(SERVICE);
        JsonNode blocked = find(definition.path("attributes"), "code", "traffic_blocked");
        assertThat(blocked.path("variable").asBoolean()).isTrue();
        assertThat(blocked.path("datatype").asText()).isEqualTo("singlevaluelist");
        assertThat(blocked.path("order").asInt()).isEqualTo(1);
        assertThat(blocked.path("description").asText()).contains("blocked");
        assertThat(blocked.path("values").findValuesAsText("key")).containsExactly("yes", "no");

        Element xml = assertXml(get("/open311/v2/services/" + SERVICE + ".xml"), HttpStatus.OK, "service_definition");
        assertThat(text(xml, "service_code")).isEqualTo(SERVICE);
        Element attribute = (Element) xml.getElementsByTagName("attribute").item(0);
        assertThat(text(attribute, "code")).isEqualTo("traffic_blocked");
        assertThat(attribute.getElementsByTagName("value").getLength()).isEqualTo(2);
        assertThat(text((Element) attribute.getElementsByTagName("value").item(0), "key")).isEqualTo("yes");

        assertError(get("/open311/v2/services/X9999.json"), HttpStatus.NOT_FOUND);
        assertError(get("/open311/v2/services/X9999.xml"), HttpStatus.NOT_FOUND);
    }

    @Test
    void aPartnerFilesARequestThatAnyoneReadsBackWithoutWhoReportedIt() throws Exception {
        ResponseEntity<String> filed = post("/open311/v2/requests.json", form(apiKey, SERVICE, SHUFANG_09,
                "书房社区09网格 消防通道被私家车堵塞"), null);
        assertJson(filed, HttpStatus.OK);
        JsonNode receipt = JSON.readTree(filed.getBody()).path(0);
        String id = receipt.path("service_request_id").asText();
        assertThat(id).isNotBlank();
        assertThat(receipt.has("service_notice")).isTrue();

        ResponseEntity<String> found = await().atMost(Api.READ_MODEL_WITHIN).until(
                () -> get("/open311/v2/requests/" + id + ".json"), response -> response.getStatusCode() == HttpStatus.OK);
        assertJson(found, HttpStatus.OK);
        JsonNode request = JSON.readTree(found.getBody()).path(0);
        assertThat(request.path("service_request_id").asText()).isEqualTo(id);
        assertThat(request.path("status").asText()).isIn("open", "closed");
        assertThat(request.path("service_code").asText()).isEqualTo(SERVICE);
        assertThat(request.path("service_name").asText()).isEqualTo("占用消防通道");
        assertThat(request.path("agency_responsible").asText()).isEqualTo("区消防救援大队");
        // the public record gives the point to about 100 m, and never the reporter's words
        assertThat(request.path("lat").asDouble()).isCloseTo(SHUFANG_09[0], org.assertj.core.data.Offset.offset(5e-4));
        assertThat(request.path("long").asDouble()).isCloseTo(SHUFANG_09[1], org.assertj.core.data.Offset.offset(5e-4));
        assertThat(request.path("lat").asDouble() * 1000).isEqualTo(Math.rint(request.path("lat").asDouble() * 1000));
        assertThat(found.getBody()).doesNotContain("消防通道被私家车堵塞");
        OffsetDateTime requested = OffsetDateTime.parse(request.path("requested_datetime").asText());
        assertThat(requested.getOffset()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(OffsetDateTime.parse(request.path("updated_datetime").asText())).isAfterOrEqualTo(requested);
        assertThat(request.toString()).doesNotContain("partner:", "reporter", "worker", "W0");

        Element xml = assertXml(get("/open311/v2/requests/" + id + ".xml"), HttpStatus.OK, "service_requests");
        Element one = (Element) xml.getElementsByTagName("request").item(0);
        assertThat(text(one, "service_request_id")).isEqualTo(id);
        assertThat(text(one, "service_code")).isEqualTo(SERVICE);
        assertThat(text(one, "long")).startsWith("104.26");

        // the same case, in the native API
        JsonNode native_ = new Api(anyone).get("/api/cases/" + id);
        assertThat(native_.path("categoryCode").asText()).isEqualTo(SERVICE);
        // the answers are kept on the case, for those who handle it; the public record does not show them
        assertThat(native_.path("attributes").path("traffic_blocked").asText()).isEqualTo("yes");
        assertThat(found.getBody()).doesNotContain("traffic_blocked");

        String now = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.ofHours(8)).plusMinutes(1));
        String dayAgo = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(1));
        String status = request.path("status").asText();
        String other = status.equals("open") ? "closed" : "open";
        await().atMost(Api.READ_MODEL_WITHIN).untilAsserted(() -> assertThat(ids(get(query("service_code", SERVICE,
                "status", status, "start_date", dayAgo, "end_date", now)))).contains(id));
        assertThat(ids(get(query("service_code", SERVICE)))).contains(id);
        assertThat(ids(get(query("service_code", SERVICE, "status", other)))).doesNotContain(id);
        assertThat(ids(get(query("service_code", "C0101", "start_date", dayAgo)))).doesNotContain(id);
        assertThat(ids(get(query("service_code", SERVICE, "end_date", dayAgo)))).doesNotContain(id);
        assertThat(ids(get(query("service_request_id", id + ",00000000-0000-0000-0000-00000000dead")))).containsExactly(id);
        assertThat(ids(get(query("service_code", SERVICE, "page", "1", "page_size", "1")))).hasSize(1);

        Element list = assertXml(get(query("service_code", SERVICE, "status", status).replace("requests.json", "requests.xml")),
                HttpStatus.OK, "service_requests");
        assertThat(list.getTextContent()).contains(id);
    }

    @Test
    void theKeyMayComeAsAHeaderAndTheAnswerAsXml() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Api-Key", apiKey);
        ResponseEntity<String> filed = post("/open311/v2/requests.xml", form(null, SERVICE, SHUZHOU_01,
                "蜀州社区01网格 消防通道堆放杂物"), headers);
        Element receipt = assertXml(filed, HttpStatus.OK, "service_requests");
        String id = text((Element) receipt.getElementsByTagName("request").item(0), "service_request_id");
        assertThat(id).isNotBlank();
        await().atMost(Api.READ_MODEL_WITHIN).until(() -> get("/open311/v2/requests/" + id + ".xml").getStatusCode(),
                HttpStatus.OK::equals);
    }

    @Test
    void filingWithoutAValidKeyIsForbidden() throws Exception {
        assertError(post("/open311/v2/requests.json", form(null, SERVICE, SHUFANG_09, "no key"), null),
                HttpStatus.FORBIDDEN);
        assertError(post("/open311/v2/requests.xml", form(null, SERVICE, SHUFANG_09, "no key"), null),
                HttpStatus.FORBIDDEN);
        assertError(post("/open311/v2/requests.json", form("gwk_0000000000000000_nope", SERVICE, SHUFANG_09, "bad"),
                null), HttpStatus.FORBIDDEN);
        HttpHeaders rider = new HttpHeaders();
        rider.setBearerAuth(new Api(anyone).token("r002"));
        assertError(post("/open311/v2/requests.json", form(null, SERVICE, SHUFANG_09, "a rider"), rider),
                HttpStatus.FORBIDDEN);
    }

    @Test
    void badInputIsAnsweredInTheSpecificationsErrorFormat() throws Exception {
        MultiValueMap<String, String> badLatitude = form(apiKey, SERVICE, new double[] {91.5, 104.26}, "x");
        assertError(post("/open311/v2/requests.json", badLatitude, null), HttpStatus.BAD_REQUEST);
        assertError(post("/open311/v2/requests.xml", badLatitude, null), HttpStatus.BAD_REQUEST);
        MultiValueMap<String, String> notANumber = form(apiKey, SERVICE, SHUFANG_09, "x");
        notANumber.set("long", "east");
        assertError(post("/open311/v2/requests.json", notANumber, null), HttpStatus.BAD_REQUEST);
        assertError(post("/open311/v2/requests.json", form(apiKey, "X9999", SHUFANG_09, "x"), null), HttpStatus.BAD_REQUEST);
        assertError(post("/open311/v2/requests.xml", form(apiKey, "X9999", SHUFANG_09, "x"), null), HttpStatus.BAD_REQUEST);
        assertError(post("/open311/v2/requests.json", form(apiKey, null, SHUFANG_09, "x"), null), HttpStatus.BAD_REQUEST);
        assertError(post("/open311/v2/requests.json", form(apiKey, SERVICE, null, "x"), null), HttpStatus.BAD_REQUEST);
        MultiValueMap<String, String> elsewhere = form(apiKey, SERVICE, SHUFANG_09, "x");
        elsewhere.set("jurisdiction_id", "somewhere.else");
        assertError(post("/open311/v2/requests.json", elsewhere, null), HttpStatus.BAD_REQUEST);

        assertError(get(query("start_date", "yesterday")), HttpStatus.BAD_REQUEST);
        assertError(get(query("start_date", "2026-01-01T00:00:00+08:00", "end_date", "2026-06-01T00:00:00+08:00")),
                HttpStatus.BAD_REQUEST);
        assertError(get(query("status", "pending")), HttpStatus.BAD_REQUEST);
        assertError(get(query("service_code", "X9999")), HttpStatus.BAD_REQUEST);
        assertError(get("/open311/v2/requests/00000000-0000-0000-0000-00000000dead.json"), HttpStatus.NOT_FOUND);
        assertError(get("/open311/v2/requests/00000000-0000-0000-0000-00000000dead.xml"), HttpStatus.NOT_FOUND);
    }

    private static MultiValueMap<String, String> form(String key, String service, double[] where, String description) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        if (key != null) {
            form.add("api_key", key);
        }
        if (service != null) {
            form.add("service_code", service);
        }
        if (where != null) {
            form.add("lat", Double.toString(where[0]));
            form.add("long", Double.toString(where[1]));
        }
        form.add("description", description);
        form.add("attribute[traffic_blocked]", "yes");
        form.add("email", "someone@example.org");
        return form;
    }

    private ResponseEntity<String> post(String path, MultiValueMap<String, String> form, HttpHeaders extra) {
        HttpHeaders headers = new HttpHeaders();
        if (extra != null) {
            headers.addAll(extra);
        }
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return anyone.postForEntity(path, new HttpEntity<>(form, headers), String.class);
    }

    private ResponseEntity<String> get(String path) {
        return anyone.getForEntity(java.net.URI.create(anyone.getRootUri() + path), String.class);
    }

    private static String query(String... pairs) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/open311/v2/requests.json");
        for (int i = 0; i < pairs.length; i += 2) {
            uri.queryParam(pairs[i], pairs[i + 1]);
        }
        return uri.encode().build().toUriString();
    }

    private static List<String> ids(ResponseEntity<String> response) throws Exception {
        assertJson(response, HttpStatus.OK);
        List<String> ids = new ArrayList<>();
        JSON.readTree(response.getBody()).forEach(request -> ids.add(request.path("service_request_id").asText()));
        return ids;
    }

    private static void assertJson(ResponseEntity<String> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    }

    private static Element assertXml(ResponseEntity<String> response, HttpStatus status, String root) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_XML)).isTrue();
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.getBody().getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo(root);
        return document.getDocumentElement();
    }

    /** {@code [{"code":400,"description":"…"}]} or {@code <errors><error><code>400</code>…}. */
    private static void assertError(ResponseEntity<String> response, HttpStatus status) throws Exception {
        boolean xml = response.getHeaders().getContentType() != null
                && response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_XML);
        if (xml) {
            Element errors = assertXml(response, status, "errors");
            Element error = (Element) errors.getElementsByTagName("error").item(0);
            assertThat(text(error, "code")).isEqualTo(Integer.toString(status.value()));
            assertThat(text(error, "description")).isNotBlank();
        } else {
            assertJson(response, status);
            JsonNode error = JSON.readTree(response.getBody()).path(0);
            assertThat(error.path("code").asInt()).isEqualTo(status.value());
            assertThat(error.path("description").asText()).isNotBlank();
        }
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }
}
