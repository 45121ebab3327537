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
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Open311 as the clients that exist use it (issue #24, decision 0050), over HTTP against the real servers:
 * {@code updated_datetime} is the last change of any kind and {@code start_date}/{@code end_date} select on it as
 * FixMyStreet's client reads them; a voided request stays findable as a tombstone with its extended state; the
 * servicerequestupdates extension in FixMyStreet's shape; keys never in URLs; unknown paths answered in the format
 * asked for; attributes checked and kept; media_url only for the partner that filed, by a signed expiring link.
 * Files flooding (E0403) in 良丰社区09网格 and 蜀州社区01/02/07网格, which no other test files.
 */
@IntegrationTest
class Open311ClientsIntegrationTest {

    /** W005 is on duty in 良丰社区09网格, so a request there is dispatched at once. */
    private static final double[] LIANGFENG_09 = {30.611889, 104.126453};
    private static final double[] SHUZHOU_01 = Open311IntegrationTest.SHUZHOU_01;
    private static final double[] SHUZHOU_02 = {30.629546, 103.672481};
    private static final double[] SHUZHOU_07 = {30.63046, 103.673535};
    private static final String FLOODING = "E0403";
    private static final String VOID_REASON = "举报人王小明电话13800001111要求撤销";
    private static final String NOTE = "积水旁的红色三轮车";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    @Autowired
    private TestRestTemplate anyone;
    private Api api;
    private String apiKey;

    @BeforeEach
    void issueAPartnerKey() {
        api = new Api(anyone);
        apiKey = api.partnerKey("open311 clients test");
    }

    @Test
    void theUpdatedTimeIsTheLastChangeOfAnyKindAndAVoidedRequestEndsAsATombstone() throws Exception {
        String id = file(LIANGFENG_09, "良丰社区09网格 路口积水");
        api.awaitCase(id, c -> "W005".equals(c.path("workerId").asText()));
        String worker = "w005";
        api.done(id, "accept", worker, Map.of());
        api.awaitStatus(id, "IN_PROGRESS");
        OffsetDateTime accepted = awaitUpdatedAfter(id, OffsetDateTime.MIN);

        // a note changes no step of the loop, yet it is a change: the updated time moves, the state does not
        OffsetDateTime noted = changeAndAwait(id, accepted, () -> api.done(id, "notes", worker, Map.of("note", NOTE)));
        JsonNode record = request(id, "");
        assertThat(record.path("status").asText()).isEqualTo("open");
        assertThat(record.path("status_notes").asText()).isEqualTo("being handled");
        OffsetDateTime lastStep = record.path("notes").findValuesAsText("datetime").stream()
                .map(OffsetDateTime::parse).max(OffsetDateTime::compareTo).orElseThrow();
        assertThat(noted).isAfter(lastStep);

        OffsetDateTime parked = changeAndAwait(id, noted,
                () -> api.done(id, "park", "supervisor", Map.of("reason", "等水务公司")));
        assertThat(request(id, "&extensions=true").path("status").asText()).isEqualTo("INVESTIGATING");
        // the updates FixMyStreet's client reads, while the request runs: each step reached in the window and the
        // state at the last change, in the extended states, with public text only
        String window = "?start_date=" + enc(W3C.format(accepted.minusSeconds(1))) + "&end_date="
                + enc(W3C.format(accepted.plusMinutes(10)));
        List<JsonNode> onHold = updatesOf(id, get("/open311/v2/servicerequestupdates.json" + window));
        assertThat(onHold).extracting(update -> update.path("status").asText())
                .contains("IN_PROGRESS").last().isEqualTo("INVESTIGATING");
        OffsetDateTime unparked = changeAndAwait(id, parked,
                () -> api.done(id, "unpark", "supervisor", Map.of("reason", "水务公司已到")));
        assertThat(request(id, "&extensions=true").path("status").asText()).isEqualTo("IN_PROGRESS");

        // start_date and end_date select on the updated time: the request was reported before `since`, but
        // changed after it, so a window from `since` holds it and one ending at `since` does not
        String since = W3C.format(unparked.minusSeconds(0));
        String dayBefore = W3C.format(unparked.minusDays(1));
        String later = W3C.format(unparked.plusMinutes(5));
        assertThat(OffsetDateTime.parse(record.path("requested_datetime").asText())).isBefore(unparked);
        assertThat(ids(get(requests("start_date", since, "end_date", later)))).contains(id);
        assertThat(ids(get(requests("start_date", dayBefore, "end_date", since)))).doesNotContain(id);
        assertThat(ids(get(requests("service_code", FLOODING, "start_date", since, "end_date", later))))
                .contains(id);

        List<JsonNode> running = updatesOf(id, get("/open311/v2/servicerequestupdates.json" + window));
        assertThat(running).extracting(update -> update.path("status").asText()).last().isEqualTo("IN_PROGRESS");
        running.addAll(onHold);

        // parked again, then voided while on hold (a case in hand cannot be voided)
        OffsetDateTime parkedAgain = changeAndAwait(id, unparked,
                () -> api.done(id, "park", "supervisor", Map.of("reason", "等水务公司")));
        OffsetDateTime voided = changeAndAwait(id, parkedAgain,
                () -> api.done(id, "void", "supervisor", Map.of("reason", VOID_REASON)));

        // the client that imported the request still finds it by id, closed with no further action, and learns
        // nothing more than that: not what, not where, not why
        ResponseEntity<String> byId = get("/open311/v2/requests/" + id + ".json?extensions=true");
        assertThat(byId.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode tombstone = JSON.readTree(byId.getBody()).path(0);
        assertThat(tombstone.path("status").asText()).isEqualTo("NO_FURTHER_ACTION");
        assertThat(tombstone.path("status_notes").asText()).isEqualTo("not accepted as a case");
        assertThat(OffsetDateTime.parse(tombstone.path("updated_datetime").asText())).isEqualTo(voided);
        for (String hidden : List.of("service_code", "service_name", "agency_responsible", "address", "lat", "long",
                "expected_datetime", "description", "media_url")) {
            assertThat(tombstone.path(hidden).isNull()).as(hidden).isTrue();
        }
        assertThat(byId.getBody()).doesNotContain(VOID_REASON, "王小明", NOTE, FLOODING, "积水", "良丰", "30.612");
        assertThat(request(id, "").path("status").asText()).isEqualTo("closed");
        assertThat(ids(get(requests("service_request_id", id)))).containsExactly(id);
        assertThat(ids(get(requests("start_date", W3C.format(voided), "end_date", later)))).contains(id);
        // a tombstone is not found by its kind either
        assertThat(ids(get(requests("service_code", FLOODING, "start_date", dayBefore, "end_date", later))))
                .doesNotContain(id);

        // once voided, its updates end with NO_FURTHER_ACTION; the ones already read keep their ids
        ResponseEntity<String> updates = get("/open311/v2/servicerequestupdates.json" + window);
        List<JsonNode> mine = updatesOf(id, updates);
        assertThat(mine).extracting(update -> update.path("status").asText()).last().isEqualTo("NO_FURTHER_ACTION");
        assertThat(running.getLast().path("update_id").asText())
                .isNotEqualTo(mine.getLast().path("update_id").asText());
        for (JsonNode update : running) {
            assertThat(update.path("update_id").asText()).startsWith(id);
            assertThat(update.path("description").asText()).isNotBlank();
            assertThat(update.toString()).doesNotContain(NOTE, "等水务公司", "水务公司已到", worker.toUpperCase());
        }
        for (JsonNode update : mine) {
            assertThat(update.path("update_id").asText()).startsWith(id);
            OffsetDateTime at = OffsetDateTime.parse(update.path("updated_datetime").asText());
            assertThat(at).isBetween(accepted.minusSeconds(1), voided);
            assertThat(at).isAfterOrEqualTo(accepted.minusSeconds(1));
            assertThat(update.path("description").asText()).isNotBlank();
            assertThat(update.has("media_url")).isTrue();
        }
        assertThat(mine).extracting(update -> update.path("update_id").asText()).doesNotHaveDuplicates();
        assertThat(updates.getBody()).doesNotContain(VOID_REASON, "王小明", NOTE, "等水务公司", "水务公司已到",
                worker.toUpperCase());
        // update ids are the same on every call, so a client stores each once
        assertThat(get("/open311/v2/servicerequestupdates.json" + window).getBody()).isEqualTo(updates.getBody());

        ResponseEntity<String> xml = get("/open311/v2/servicerequestupdates.xml" + window);
        Element root = xml(xml, HttpStatus.OK, "service_request_updates");
        NodeList items = root.getElementsByTagName("request_update");
        assertThat(items.getLength()).isGreaterThanOrEqualTo(mine.size());
        Element first = (Element) items.item(0);
        for (String field : List.of("update_id", "service_request_id", "status", "updated_datetime", "description",
                "media_url")) {
            assertThat(first.getElementsByTagName(field).getLength()).as(field).isEqualTo(1);
        }

        // outside the window, none of it
        String before = "?start_date=" + enc(W3C.format(accepted.minusDays(2))) + "&end_date="
                + enc(W3C.format(accepted.minusDays(1)));
        assertThat(get("/open311/v2/servicerequestupdates.json" + before).getBody()).doesNotContain(id);
        // as for requests, the window is bounded and well formed
        assertError(get("/open311/v2/servicerequestupdates.json?start_date=" + enc(W3C.format(accepted.minusDays(30)))
                + "&end_date=" + enc(later)), HttpStatus.BAD_REQUEST, false);
        assertError(get("/open311/v2/servicerequestupdates.xml?start_date=yesterday"), HttpStatus.BAD_REQUEST, true);
    }

    @Test
    void aKeyInTheUrlIsRefusedBeforeAnythingElse() throws Exception {
        for (String format : List.of("json", "xml")) {
            boolean xml = format.equals("xml");
            assertError(get("/open311/v2/requests." + format + "?api_key=" + apiKey), HttpStatus.BAD_REQUEST, xml);
            assertError(get("/open311/v2/servicerequestupdates." + format + "?API_KEY=" + apiKey),
                    HttpStatus.BAD_REQUEST, xml);
            assertError(get("/open311/v2/services." + format + "?api%5Fkey=" + apiKey), HttpStatus.BAD_REQUEST, xml);
            // filing with the key in the URL is refused even though the key is good, and files nothing
            MultiValueMap<String, String> form = flooding(SHUZHOU_01, "key in the url");
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            ResponseEntity<String> filed = anyone.exchange(URI.create(anyone.getRootUri() + "/open311/v2/requests."
                    + format + "?api_key=" + apiKey), HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
            assertError(filed, HttpStatus.BAD_REQUEST, xml);
            assertThat(filed.getBody()).contains("URL").doesNotContain(apiKey);
        }
        // an empty api_key carries no secret: FixMyStreet's client sends one when it has no key
        assertThat(get("/open311/v2/servicerequestupdates.xml?api_key=").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("/open311/v2/requests.json?api_key=&status=open").getStatusCode()).isEqualTo(HttpStatus.OK);
        // the key from the body or a header still files
        assertThat(file(SHUZHOU_01, "蜀州社区01网格 地下通道积水")).isNotBlank();
    }

    @Test
    void anUnknownPathIsNotFoundInTheFormatAskedFor() throws Exception {
        assertError(get("/open311/v2/nothing.xml"), HttpStatus.NOT_FOUND, true);
        assertError(get("/open311/v2/tokens/abc.xml"), HttpStatus.NOT_FOUND, true);
        assertError(get("/open311/v2/nothing.json"), HttpStatus.NOT_FOUND, false);
        assertError(get("/open311/v2/nothing"), HttpStatus.NOT_FOUND, false);
        assertError(get("/open311/v2"), HttpStatus.NOT_FOUND, false);
        assertError(get("/open311/v2/requests/a/b.json"), HttpStatus.NOT_FOUND, false);
        assertError(get("/open311/v2/requests/a/b.xml"), HttpStatus.NOT_FOUND, true);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("X-Api-Key", apiKey);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("description", "x");
        assertError(anyone.exchange(URI.create(anyone.getRootUri() + "/open311/v2/servicerequestupdates.xml"),
                HttpMethod.POST, new HttpEntity<>(form, headers), String.class), HttpStatus.NOT_FOUND, true);
        assertError(anyone.exchange(URI.create(anyone.getRootUri() + "/open311/v2/requests.json"), HttpMethod.DELETE,
                new HttpEntity<>(headers), String.class), HttpStatus.NOT_FOUND, false);
    }

    private static List<JsonNode> updatesOf(String id, ResponseEntity<String> updates) throws Exception {
        assertThat(updates.getStatusCode()).as(updates.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(updates.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        List<JsonNode> mine = new ArrayList<>();
        JSON.readTree(updates.getBody()).forEach(update -> {
            if (update.path("service_request_id").asText().equals(id)) {
                mine.add(update);
            }
        });
        return mine;
    }

    @Test
    void attributesAreCheckedAgainstTheDefinitionAndKeptForHandlersOnly() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("X-Api-Key", apiKey);
        double[] where = SHUZHOU_07;
        MultiValueMap<String, String> missing = flooding(where, "蜀州社区07网格 积水 attributes");
        missing.remove("attribute[depth_cm]");
        assertThat(refusal(missing, headers, "json")).contains("depth_cm", "required");
        for (Map.Entry<String, String> bad : Map.of("attribute[depth_cm]", "deep", "attribute[traffic_blocked]",
                "maybe", "attribute[colour]", "blue", "attribute[depth_cm", "3").entrySet()) {
            MultiValueMap<String, String> form = flooding(where, "蜀州社区07网格 积水 attributes");
            form.set(bad.getKey(), bad.getValue());
            assertThat(refusal(form, headers, "json")).as(bad.toString()).containsAnyOf("depth_cm", "traffic_blocked",
                    "colour", "attribute[");
            assertThat(refusal(form, headers, "xml")).as(bad.toString()).contains("<errors>");
        }
        MultiValueMap<String, String> tooDeep = flooding(where, "蜀州社区07网格 积水 attributes");
        tooDeep.set("attribute[depth_cm]", "3000");
        assertThat(refusal(tooDeep, headers, "json")).contains("range");
        MultiValueMap<String, String> twice = flooding(where, "蜀州社区07网格 积水 attributes");
        twice.add("attribute[depth_cm]", "40");
        assertThat(refusal(twice, headers, "json")).contains("one value");

        MultiValueMap<String, String> good = flooding(where, "蜀州社区07网格 积水 attributes");
        good.set("attribute[depth_cm]", "45.0");
        good.add("attribute[traffic_blocked]", "yes");
        ResponseEntity<String> filed = anyone.postForEntity("/open311/v2/requests.json", new HttpEntity<>(good, headers),
                String.class);
        assertThat(filed.getStatusCode()).as(filed.getBody()).isEqualTo(HttpStatus.OK);
        String id = JSON.readTree(filed.getBody()).path(0).path("service_request_id").asText();

        JsonNode handled = api.awaitCase(id, c -> c.path("attributes").size() == 2);
        assertThat(handled.path("attributes").path("depth_cm").asText()).isEqualTo("45");
        assertThat(handled.path("attributes").path("traffic_blocked").asText()).isEqualTo("yes");
        // the partner that filed it reads the public view of its own case: no answers there, as none on Open311
        ResponseEntity<String> own = anyone.exchange("/api/cases/" + id, HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody()).doesNotContain("depth_cm");
        String record = await().atMost(Api.READ_MODEL_WITHIN).until(() -> get("/open311/v2/requests/" + id
                + ".json?extensions=true"), response -> response.getStatusCode() == HttpStatus.OK).getBody();
        assertThat(record).doesNotContain("depth_cm", "traffic_blocked");
    }

    @Test
    void onlyThePartnerThatFiledACaseGetsAMediaUrlThatExpiresAndCannotBeForged() throws Exception {
        String other = api.partnerKey("open311 clients test, another partner");
        // the partner files a report with a photo through the native API, with its key
        var body = new LinkedMultiValueMap<String, Object>();
        HttpHeaders jsonPart = new HttpHeaders();
        jsonPart.setContentType(MediaType.APPLICATION_JSON);
        body.add("report", new HttpEntity<>(Map.of("categoryCode", FLOODING, "lat", SHUZHOU_02[0], "lon",
                SHUZHOU_02[1], "description", "蜀州社区02网格 积水 media"), jsonPart));
        HttpHeaders imagePart = new HttpHeaders();
        imagePart.setContentType(MediaType.IMAGE_PNG);
        body.add("photo", new HttpEntity<>(new org.springframework.core.io.ByteArrayResource(Api.PNG) {
            @Override
            public String getFilename() {
                return "flood.png";
            }
        }, imagePart));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.set("X-Api-Key", apiKey);
        ResponseEntity<JsonNode> filed = anyone.postForEntity("/api/reports", new HttpEntity<>(body, headers),
                JsonNode.class);
        assertThat(filed.getStatusCode()).as("%s", filed.getBody()).isEqualTo(HttpStatus.CREATED);
        String id = filed.getBody().path("caseId").asText();
        String photo = api.awaitCase(id, c -> c.path("photoHashes").size() == 1).path("photoHashes").get(0).asText();

        // the partner that filed it: an absolute link, fetchable without signing in, the stored (stripped) photo
        String link = await().atMost(Api.READ_MODEL_WITHIN).until(() -> mediaUrl(id, apiKey, "json"),
                url -> url != null);
        assertThat(link).startsWith(anyone.getRootUri() + "/open311/v2/media/" + photo + "?");
        assertThat(mediaUrl(id, apiKey, "xml")).startsWith(anyone.getRootUri() + "/open311/v2/media/" + photo);
        ResponseEntity<byte[]> fetched = new TestRestTemplate().getForEntity(URI.create(link), byte[].class);
        assertThat(fetched.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(fetched.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(fetched.getHeaders().getCacheControl()).contains("private");
        HttpHeaders asPartner = new HttpHeaders();
        asPartner.set("X-Api-Key", apiKey);
        assertThat(fetched.getBody()).isEqualTo(anyone.exchange("/api/photos/" + photo, HttpMethod.GET,
                new HttpEntity<>(asPartner), byte[].class).getBody());
        // by the list too, and by id among others
        assertThat(anyone.exchange(URI.create(anyone.getRootUri() + "/open311/v2/requests.json?service_request_id="
                + id), HttpMethod.GET, new HttpEntity<>(asPartner), String.class).getBody()).contains(photo);

        // everyone else: no media_url at all
        assertThat(mediaUrl(id, null, "json")).isNull();
        assertThat(mediaUrl(id, other, "json")).isNull();
        HttpHeaders rider = new HttpHeaders();
        rider.setBearerAuth(api.token("r002"));
        ResponseEntity<String> asRider = anyone.exchange(URI.create(anyone.getRootUri() + "/open311/v2/requests/" + id
                + ".json"), HttpMethod.GET, new HttpEntity<>(rider), String.class);
        assertThat(asRider.getBody()).doesNotContain(photo);
        assertThat(get("/open311/v2/requests.json?service_code=" + FLOODING).getBody()).doesNotContain(photo);
        assertThat(get("/open311/v2/servicerequestupdates.json").getBody()).doesNotContain(photo);
        // a key that is not a partner's is refused rather than read as anyone's
        HttpHeaders wrong = new HttpHeaders();
        wrong.set("X-Api-Key", "gwk_0000000000000000_nope");
        assertError(anyone.exchange(URI.create(anyone.getRootUri() + "/open311/v2/requests/" + id + ".xml"),
                HttpMethod.GET, new HttpEntity<>(wrong), String.class), HttpStatus.FORBIDDEN, true);

        // a forged, altered, foreign or expired link is 404, as for no photo
        var parts = UriComponentsBuilder.fromUriString(link).build().getQueryParams();
        String expires = parts.getFirst("expires");
        String sig = parts.getFirst("sig");
        String forged = sig.substring(0, sig.length() - 1) + (sig.endsWith("0") ? "1" : "0");
        String base = anyone.getRootUri() + "/open311/v2/media/";
        long past = java.time.Instant.now().minusSeconds(60).getEpochSecond();
        String otherPhoto = "0".repeat(64);
        for (String bad : List.of(
                base + photo + "?expires=" + expires + "&kid=k1&sig=" + forged,
                base + photo + "?expires=" + (Long.parseLong(expires) + 3600) + "&kid=k1&sig=" + sig,
                base + photo + "?expires=" + expires + "&kid=k2&sig=" + sig,
                base + otherPhoto + "?expires=" + expires + "&kid=k1&sig=" + sig,
                base + otherPhoto + "?expires=" + expires + "&kid=k1&sig=" + sign(otherPhoto, Long.parseLong(expires)),
                base + photo + "?expires=" + past + "&kid=k1&sig=" + sign(photo, past),
                base + photo,
                base + photo + "?expires=" + expires + "&kid=k1&sig=" + sign(photo, Long.parseLong(expires))
                        .toUpperCase())) {
            assertError(new TestRestTemplate().getForEntity(URI.create(bad), String.class), HttpStatus.NOT_FOUND,
                    false);
        }
        // the same signing, with time left, is served: the expired one failed for its time alone
        long future = java.time.Instant.now().plusSeconds(600).getEpochSecond();
        assertThat(new TestRestTemplate().getForEntity(URI.create(base + photo + "?expires=" + future + "&kid=k1&sig="
                + sign(photo, future)), byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** What the server would sign, from the tests' secret: HMAC-SHA256 over hash, expiry and key id. */
    private static String sign(String sha256, long expires) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(IntegrationTest.MEDIA_SECRET.getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal((sha256 + "\n" + expires + "\nk1")
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** The request's media_url as the reader with this key (none: anyone) reads it; null when there is none. */
    private String mediaUrl(String id, String key, String format) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        if (key != null) {
            headers.set("X-Api-Key", key);
        }
        ResponseEntity<String> found = anyone.exchange(URI.create(anyone.getRootUri() + "/open311/v2/requests/" + id
                + "." + format), HttpMethod.GET, new HttpEntity<>(headers), String.class);
        if (found.getStatusCode() != HttpStatus.OK) {
            return null;
        }
        if (format.equals("xml")) {
            Element request = (Element) xml(found, HttpStatus.OK, "service_requests").getElementsByTagName("request")
                    .item(0);
            String url = request.getElementsByTagName("media_url").item(0).getTextContent();
            return url.isEmpty() ? null : url;
        }
        JsonNode url = JSON.readTree(found.getBody()).path(0).path("media_url");
        return url.isNull() ? null : url.asText();
    }

    private String refusal(MultiValueMap<String, String> form, HttpHeaders headers, String format) throws Exception {
        ResponseEntity<String> refused = anyone.postForEntity("/open311/v2/requests." + format,
                new HttpEntity<>(form, headers), String.class);
        assertError(refused, HttpStatus.BAD_REQUEST, format.equals("xml"));
        return refused.getBody();
    }

    /** Runs the change once the updated time can move (times are to the second) and waits for it to move. */
    private OffsetDateTime changeAndAwait(String id, OffsetDateTime before, Runnable change) throws Exception {
        Thread.sleep(Math.max(0, Duration.between(OffsetDateTime.now(ZoneOffset.ofHours(8)),
                before.plusSeconds(1)).toMillis()) + 100);
        change.run();
        return awaitUpdatedAfter(id, before);
    }

    private OffsetDateTime awaitUpdatedAfter(String id, OffsetDateTime before) {
        return await().atMost(Api.READ_MODEL_WITHIN).until(() -> {
            ResponseEntity<String> found = get("/open311/v2/requests/" + id + ".json");
            if (found.getStatusCode() != HttpStatus.OK) {
                return null;
            }
            return OffsetDateTime.parse(JSON.readTree(found.getBody()).path(0).path("updated_datetime").asText());
        }, updated -> updated != null && updated.isAfter(before));
    }

    private JsonNode request(String id, String query) throws Exception {
        ResponseEntity<String> found = get("/open311/v2/requests/" + id + ".json?jurisdiction_id=gridwhistle.city"
                + query);
        assertThat(found.getStatusCode()).as(found.getBody()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(found.getBody()).path(0);
    }

    private String file(double[] where, String description) throws Exception {
        MultiValueMap<String, String> form = flooding(where, description);
        form.add("api_key", apiKey);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> filed = anyone.postForEntity("/open311/v2/requests.json",
                new HttpEntity<>(form, headers), String.class);
        assertThat(filed.getStatusCode()).as(filed.getBody()).isEqualTo(HttpStatus.OK);
        String id = JSON.readTree(filed.getBody()).path(0).path("service_request_id").asText();
        assertThat(id).isNotBlank();
        return id;
    }

    /** A flooding report with its required depth, without a key. */
    private static MultiValueMap<String, String> flooding(double[] where, String description) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("service_code", FLOODING);
        form.add("lat", Double.toString(where[0]));
        form.add("long", Double.toString(where[1]));
        form.add("description", description);
        form.add("attribute[depth_cm]", "30");
        return form;
    }

    private ResponseEntity<String> get(String path) {
        return anyone.getForEntity(URI.create(anyone.getRootUri() + path), String.class);
    }

    private static String requests(String... pairs) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/open311/v2/requests.json");
        for (int i = 0; i < pairs.length; i += 2) {
            uri.queryParam(pairs[i], pairs[i + 1]);
        }
        return uri.encode().build().toUriString();
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> ids(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        List<String> ids = new ArrayList<>();
        JSON.readTree(response.getBody()).forEach(request -> ids.add(request.path("service_request_id").asText()));
        return ids;
    }

    private static Element xml(ResponseEntity<String> response, HttpStatus status, String root) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_XML)).isTrue();
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.getBody().getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo(root);
        return document.getDocumentElement();
    }

    /** The specification's error format, in XML or JSON as asked, with the status as its code. */
    private static void assertError(ResponseEntity<String> response, HttpStatus status, boolean asXml)
            throws Exception {
        if (asXml) {
            Element errors = xml(response, status, "errors");
            Element error = (Element) errors.getElementsByTagName("error").item(0);
            assertThat(error.getElementsByTagName("code").item(0).getTextContent())
                    .isEqualTo(Integer.toString(status.value()));
            assertThat(error.getElementsByTagName("description").item(0).getTextContent()).isNotBlank();
        } else {
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
            assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
            JsonNode error = JSON.readTree(response.getBody()).path(0);
            assertThat(error.path("code").asInt()).isEqualTo(status.value());
            assertThat(error.path("description").asText()).isNotBlank();
        }
    }
}
