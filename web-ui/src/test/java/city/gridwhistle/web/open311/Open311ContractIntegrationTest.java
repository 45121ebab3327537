package city.gridwhistle.web.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
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
import org.w3c.dom.Node;

/**
 * Every GeoReport v2 method in both formats, checked against the published specification: the fields each
 * response must carry, their types, the error body ({@code code} and {@code description}) and status codes; the
 * gazetteer that locates an {@code address_string} given without {@code lat}/{@code long}; the {@code notes}
 * extension; and a report filed one way is seen the other way (native API, dashboards). Uses categories C0102,
 * C0103, C0104, C0105 and cells 粮丰社区11网格, 南街社区08网格, 蜀州社区08网格 and the community 团结社区, which no
 * other test uses.
 */
@IntegrationTest
class Open311ContractIntegrationTest {

    /** Cells named in address_string; the gazetteer places them. */
    static final String NANJIE_08 = "南街社区08网格";
    static final String LIANGFENG_11 = "粮丰社区11网格";
    static final String SHUZHOU_08 = "蜀州社区08网格";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The specification's fields of a service request, all present (null when unknown) in every record. */
    static final List<String> REQUEST_FIELDS = List.of("service_request_id", "status", "status_notes",
            "service_name", "service_code", "description", "agency_responsible", "service_notice",
            "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat",
            "long", "media_url");
    static final List<String> SERVICE_FIELDS = List.of("service_code", "service_name", "description", "metadata",
            "type", "keywords", "group");
    static final List<String> ENDPOINT_FIELDS = List.of("specification", "url", "changeset", "type", "formats");

    @Autowired
    private TestRestTemplate anyone;
    private String apiKey;

    @BeforeEach
    void issueAPartnerKey() {
        apiKey = new Api(anyone).partnerKey("open311 contract client");
    }

    @Test
    void discoveryCarriesTheSpecificationsFields() throws Exception {
        JsonNode json = json(get("/open311/v2/discovery.json"), HttpStatus.OK);
        assertThat(json.isObject()).isTrue();
        assertThat(json.path("changeset").isTextual()).isTrue();
        OffsetDateTime.parse(json.path("changeset").asText());
        assertThat(json.has("contact")).isTrue();
        assertThat(json.has("key_service")).isTrue();
        assertThat(json.path("endpoints").isArray()).isTrue();
        JsonNode endpoint = json.path("endpoints").path(0);
        ENDPOINT_FIELDS.forEach(field -> assertThat(endpoint.has(field)).as(field).isTrue());
        assertThat(endpoint.path("formats").isArray()).isTrue();
        assertThat(endpoint.path("type").asText()).isIn("production", "test");

        Element xml = xml(get("/open311/v2/discovery.xml"), HttpStatus.OK, "discovery");
        for (String field : List.of("changeset", "contact", "key_service", "endpoints")) {
            assertThat(child(xml, field)).as(field).isNotNull();
        }
        Element xmlEndpoint = child(child(xml, "endpoints"), "endpoint");
        ENDPOINT_FIELDS.forEach(field -> assertThat(child(xmlEndpoint, field)).as(field).isNotNull());
        assertThat(children(child(xmlEndpoint, "formats"), "format")).extracting(Node::getTextContent)
                .contains("text/xml", "application/json");
    }

    @Test
    void servicesCarryTheSpecificationsFieldsAndTypes() throws Exception {
        JsonNode json = json(get("/open311/v2/services.json"), HttpStatus.OK);
        assertThat(json.isArray()).isTrue();
        assertThat(json.size()).isPositive();
        for (JsonNode service : json) {
            SERVICE_FIELDS.forEach(field -> assertThat(service.has(field)).as(field).isTrue());
            assertThat(service.path("service_code").isTextual()).isTrue();
            assertThat(service.path("service_name").isTextual()).isTrue();
            assertThat(service.path("metadata").isBoolean()).isTrue();
            assertThat(service.path("type").asText()).isIn("realtime", "batch", "blackbox");
        }

        Element xml = xml(get("/open311/v2/services.xml"), HttpStatus.OK, "services");
        List<Element> services = children(xml, "service");
        assertThat(services).hasSize(json.size());
        for (Element service : services) {
            SERVICE_FIELDS.forEach(field -> assertThat(child(service, field)).as(field).isNotNull());
            assertThat(text(service, "metadata")).isIn("true", "false");
        }
    }

    @Test
    void aServiceDefinitionHasItsCodeAndAttributesOrIsNotFound() throws Exception {
        JsonNode json = json(get("/open311/v2/services/C0105.json"), HttpStatus.OK);
        assertThat(json.path("service_code").asText()).isEqualTo("C0105");
        assertThat(json.path("attributes").isArray()).isTrue();
        Element xml = xml(get("/open311/v2/services/C0105.xml"), HttpStatus.OK, "service_definition");
        assertThat(text(xml, "service_code")).isEqualTo("C0105");
        assertThat(child(xml, "attributes")).isNotNull();

        error(get("/open311/v2/services/Z0000.json"), HttpStatus.NOT_FOUND);
        error(get("/open311/v2/services/Z0000.xml"), HttpStatus.NOT_FOUND);
    }

    @Test
    void postingARequestAnswersWithItsIdInBothFormats() throws Exception {
        JsonNode json = json(post("/open311/v2/requests.json", form("C0104", NANJIE_08 + " 燃气井盖松动", null)),
                HttpStatus.OK);
        assertThat(json.isArray()).isTrue();
        JsonNode receipt = json.path(0);
        assertThat(receipt.path("service_request_id").isTextual()).isTrue();
        assertThat(receipt.has("service_notice")).isTrue();
        assertThat(receipt.has("account_id")).isTrue();

        Element xml = xml(post("/open311/v2/requests.xml", form("C0103", SHUZHOU_08 + " 电力井盖破损", null)),
                HttpStatus.OK, "service_requests");
        Element request = child(xml, "request");
        assertThat(text(request, "service_request_id")).isNotBlank();
        assertThat(child(request, "service_notice")).isNotNull();
    }

    @Test
    void anAddressNamingACellIsLocatedInsideThatCell() throws Exception {
        String id = filedId(post("/open311/v2/requests.json",
                form("C0105", LIANGFENG_11 + " 东侧人行道 消防栓被圈占", null)));
        JsonNode native_ = new Api(anyone).awaitCase(id, c -> !c.path("cell").isMissingNode());
        assertThat(native_.path("cell").path("cellName").asText()).isEqualTo(LIANGFENG_11);
        assertThat(native_.path("address").asText()).contains(LIANGFENG_11);

        JsonNode record = awaitRequest(id);
        assertThat(record.path("lat").isNumber()).isTrue();
        assertThat(record.path("long").isNumber()).isTrue();
        assertThat(record.path("address").asText()).as("the public record names the community, not what was typed")
                .startsWith("粮丰社区").doesNotContain("消防栓被圈占");
    }

    @Test
    void anAddressNamingOnlyACommunityIsLocatedInOneOfItsCells() throws Exception {
        String id = filedId(post("/open311/v2/requests.xml", form("C0102", "大弯街道团结社区 污水井盖冒溢", null)));
        JsonNode native_ = new Api(anyone).awaitCase(id, c -> !c.path("cell").isMissingNode());
        assertThat(native_.path("cell").path("community").asText()).isEqualTo("团结社区");
    }

    @Test
    void anAddressTheGridDoesNotKnowIsRefusedInTheSpecificationsFormat() throws Exception {
        MultiValueMap<String, String> nowhere = form("C0105", "北京市朝阳区建国路88号", null);
        JsonNode json = error(post("/open311/v2/requests.json", nowhere), HttpStatus.BAD_REQUEST);
        assertThat(json.path(0).path("description").asText())
                .isEqualTo("address_string could not be located; give lat and long");
        error(post("/open311/v2/requests.xml", nowhere), HttpStatus.BAD_REQUEST);
    }

    @Test
    void requestRecordsCarryEverySpecifiedFieldAndTheNotesInBothFormats() throws Exception {
        String id = filedId(post("/open311/v2/requests.json", form("C0104", NANJIE_08 + " 井盖移位", null)));
        JsonNode record = awaitRequest(id);
        REQUEST_FIELDS.forEach(field -> assertThat(record.has(field)).as(field).isTrue());
        assertThat(record.path("service_request_id").isTextual()).isTrue();
        assertThat(record.path("service_code").isTextual()).isTrue();
        assertThat(record.path("status").asText()).isIn("open", "closed");
        assertThat(record.path("lat").isNumber()).isTrue();
        assertThat(record.path("long").isNumber()).isTrue();
        OffsetDateTime requested = OffsetDateTime.parse(record.path("requested_datetime").asText());
        OffsetDateTime.parse(record.path("updated_datetime").asText());
        if (!record.path("expected_datetime").isNull()) {
            OffsetDateTime.parse(record.path("expected_datetime").asText());
        }
        JsonNode notes = record.path("notes");
        assertThat(notes.isArray()).isTrue();
        assertThat(notes.size()).isPositive();
        assertThat(notes.path(0).path("description").asText()).isEqualTo("reported; awaiting registration");
        assertThat(OffsetDateTime.parse(notes.path(0).path("datetime").asText())).isEqualTo(requested);
        for (JsonNode note : notes) {
            assertThat(note.properties()).extracting(Map.Entry::getKey).containsExactly("datetime", "description");
        }
        assertThat(notes.toString()).doesNotContain("partner", "open311 contract client", "W0", "supervisor");

        Element xml = xml(get("/open311/v2/requests/" + id + ".xml"), HttpStatus.OK, "service_requests");
        Element request = child(xml, "request");
        REQUEST_FIELDS.forEach(field -> assertThat(child(request, field)).as(field).isNotNull());
        List<Element> xmlNotes = children(child(request, "notes"), "note");
        assertThat(xmlNotes).hasSize(notes.size());
        assertThat(text(xmlNotes.getFirst(), "description")).isEqualTo("reported; awaiting registration");

        // the list carries the same records, and the notes when asked for the extensions
        List<JsonNode> listed = list(query("service_request_id", id));
        assertThat(listed).hasSize(1);
        REQUEST_FIELDS.forEach(field -> assertThat(listed.getFirst().has(field)).as(field).isTrue());
        assertThat(listed.getFirst().has("notes")).isFalse();
        assertThat(list(query("service_request_id", id, "extensions", "true")).getFirst().path("notes").isArray())
                .isTrue();
        Element xmlList = xml(get(query("service_code", "C0104").replace("requests.json", "requests.xml")),
                HttpStatus.OK, "service_requests");
        for (Element one : children(xmlList, "request")) {
            REQUEST_FIELDS.forEach(field -> assertThat(child(one, field)).as(field).isNotNull());
        }
    }

    @Test
    void badInputIsRefusedInBothFormats() throws Exception {
        for (String format : List.of("json", "xml")) {
            String requests = "/open311/v2/requests." + format;
            // missing service code
            error(post(requests, form(null, NANJIE_08, point())), HttpStatus.BAD_REQUEST);
            // unknown service
            error(post(requests, form("Z0000", NANJIE_08, point())), HttpStatus.BAD_REQUEST);
            // missing location: neither lat/long nor address_string
            MultiValueMap<String, String> nowhere = form("C0104", null, null);
            nowhere.set("description", "no location at all");
            error(post(requests, nowhere), HttpStatus.BAD_REQUEST);
            // bad API key, and none
            MultiValueMap<String, String> badKey = form("C0104", NANJIE_08, point());
            badKey.set("api_key", "gwk_0000000000000000_nope");
            error(post(requests, badKey), HttpStatus.FORBIDDEN);
            MultiValueMap<String, String> noKey = form("C0104", NANJIE_08, point());
            noKey.remove("api_key");
            error(post(requests, noKey), HttpStatus.FORBIDDEN);
            // bad dates, and a window over 90 days
            error(get(query("start_date", "2026-13-01").replace(".json", "." + format)), HttpStatus.BAD_REQUEST);
            error(get(query("end_date", "2026-11-01T00:00:00").replace(".json", "." + format)),
                    HttpStatus.BAD_REQUEST);
            error(get(query("start_date", "2026-01-01T00:00:00+08:00", "end_date", "2026-04-02T00:00:00+08:00")
                    .replace(".json", "." + format)), HttpStatus.BAD_REQUEST);
            // not found
            error(get("/open311/v2/requests/00000000-0000-0000-0000-00000000beef." + format), HttpStatus.NOT_FOUND);
        }
    }

    @Test
    void anOpen311ReportIsAnOrdinaryCaseInTheNativeApiAndTheDashboards() throws Exception {
        Api api = new Api(anyone);
        long before = reportedInDashboard(api, "C0103");
        String id = filedId(post("/open311/v2/requests.json", form("C0103", LIANGFENG_11 + " 电力井盖缺失", null)));

        JsonNode native_ = api.awaitCase(id, c -> !c.path("status").asText().isEmpty());
        assertThat(native_.path("caseId").asText()).isEqualTo(id);
        assertThat(native_.path("categoryCode").asText()).isEqualTo("C0103");
        await().atMost(Api.READ_MODEL_WITHIN).untilAsserted(
                () -> assertThat(reportedInDashboard(api, "C0103")).isGreaterThan(before));
    }

    @Test
    void aNativeReportIsReadableThroughOpen311() throws Exception {
        double[] inside = point();
        String id = new Api(anyone).fileCase("C0102", inside, NANJIE_08 + " 污水井盖破损", null);
        JsonNode record = awaitRequest(id);
        assertThat(record.path("service_code").asText()).isEqualTo("C0102");
        assertThat(record.path("lat").asDouble()).isCloseTo(inside[0], org.assertj.core.data.Offset.offset(1e-6));
        assertThat(record.path("notes").path(0).path("description").asText())
                .isEqualTo("reported; awaiting registration");
        assertThat(record.toString()).doesNotContain("r010", "R010");
    }

    /** A point inside 南街社区08网格, as the gazetteer places it (the cell's centre). */
    private double[] point() throws Exception {
        String id = filedId(post("/open311/v2/requests.json", form("C0104", NANJIE_08 + " 定位", null)));
        JsonNode record = awaitRequest(id);
        return new double[] {record.path("lat").asDouble(), record.path("long").asDouble()};
    }

    private long reportedInDashboard(Api api, String category) {
        JsonNode performance = api.get("/api/dashboards/performance?groupBy=CATEGORY");
        for (JsonNode unit : performance.path("units")) {
            if (unit.path("unitCode").asText().equals(category)) {
                return unit.path("reported").asLong();
            }
        }
        return 0;
    }

    private JsonNode awaitRequest(String id) throws Exception {
        ResponseEntity<String> found = await().atMost(Api.READ_MODEL_WITHIN).until(
                () -> get("/open311/v2/requests/" + id + ".json"), r -> r.getStatusCode() == HttpStatus.OK);
        JsonNode list = json(found, HttpStatus.OK);
        assertThat(list.isArray()).isTrue();
        assertThat(list.size()).isEqualTo(1);
        return list.path(0);
    }

    private String filedId(ResponseEntity<String> filed) throws Exception {
        assertThat(filed.getStatusCode()).as(filed.getBody()).isEqualTo(HttpStatus.OK);
        if (filed.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_XML)) {
            return text(child(xml(filed, HttpStatus.OK, "service_requests"), "request"), "service_request_id");
        }
        return json(filed, HttpStatus.OK).path(0).path("service_request_id").asText();
    }

    private MultiValueMap<String, String> form(String service, String address, double[] where) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("api_key", apiKey);
        if (service != null) {
            form.add("service_code", service);
        }
        if (address != null) {
            form.add("address_string", address);
            form.add("description", address);
        }
        if (where != null) {
            form.add("lat", Double.toString(where[0]));
            form.add("long", Double.toString(where[1]));
        }
        return form;
    }

    private ResponseEntity<String> post(String path, MultiValueMap<String, String> form) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return anyone.postForEntity(path, new HttpEntity<>(form, headers), String.class);
    }

    private ResponseEntity<String> get(String path) {
        return anyone.getForEntity(URI.create(anyone.getRootUri() + path), String.class);
    }

    private static String query(String... pairs) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/open311/v2/requests.json");
        for (int i = 0; i < pairs.length; i += 2) {
            uri.queryParam(pairs[i], pairs[i + 1]);
        }
        return uri.encode().build().toUriString();
    }

    private List<JsonNode> list(String path) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        json(get(path), HttpStatus.OK).forEach(records::add);
        return records;
    }

    private static JsonNode json(ResponseEntity<String> response, HttpStatus status) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        MediaType type = response.getHeaders().getContentType();
        assertThat(type.isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(type.getCharset()).isEqualTo(StandardCharsets.UTF_8);
        return JSON.readTree(response.getBody());
    }

    private static Element xml(ResponseEntity<String> response, HttpStatus status, String root) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        MediaType type = response.getHeaders().getContentType();
        assertThat(type.isCompatibleWith(MediaType.TEXT_XML)).isTrue();
        assertThat(type.getCharset()).isEqualTo(StandardCharsets.UTF_8);
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.getBody().getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo(root);
        return document.getDocumentElement();
    }

    /** The specification's error body: a list of errors, each with a numeric code equal to the status. */
    private static JsonNode error(ResponseEntity<String> response, HttpStatus status) throws Exception {
        MediaType type = response.getHeaders().getContentType();
        if (type != null && type.isCompatibleWith(MediaType.TEXT_XML)) {
            Element errors = xml(response, status, "errors");
            List<Element> all = children(errors, "error");
            assertThat(all).isNotEmpty();
            assertThat(text(all.getFirst(), "code")).isEqualTo(Integer.toString(status.value()));
            assertThat(text(all.getFirst(), "description")).isNotBlank();
            return null;
        }
        JsonNode errors = json(response, status);
        assertThat(errors.isArray()).isTrue();
        assertThat(errors.path(0).path("code").isInt()).isTrue();
        assertThat(errors.path(0).path("code").asInt()).isEqualTo(status.value());
        assertThat(errors.path(0).path("description").isTextual()).isTrue();
        return errors;
    }

    private static Element child(Element parent, String tag) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                return element;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String tag) {
        Element child = child(parent, tag);
        assertThat(child).as(tag).isNotNull();
        return child.getTextContent();
    }
}
