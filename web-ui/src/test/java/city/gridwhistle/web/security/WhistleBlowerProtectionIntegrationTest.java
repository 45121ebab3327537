package city.gridwhistle.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import city.gridwhistle.web.pages.Pictures;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The promises to whistle-blowers and to supervisors, attacked the way they were broken (issue #23): a stall
 * blocking the pavement in 粮丰社区09网格 (锦江区, W005's cell) is reported with a photo by R031; a supervisor writes a
 * name and phone number into a reason and the worker into a note. Whoever else calls (another rider who follows
 * it, an unrelated rider, a partner, a worker of another cell, a supervisor of another district, anyone) learns
 * nothing the rule of docs/security.md does not give them.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhistleBlowerProtectionIntegrationTest {

    private static final double[] LIANGFENG_09 = {30.611889, 104.126453};
    private static final String STALL = "E0503";
    private static final String REPORTER = "r031";
    private static final String FOLLOWER = "r032";
    private static final String STRANGER = "r033";
    private static final String WORKER = "w005";
    /** A name and a phone number typed into a reason and a note: internal words. */
    private static final String SECRET_NAME = "张秘密";
    private static final String SECRET_PHONE = "13912345678";
    private static final String NOTE_WORD = "蓝色雨棚";

    @Autowired
    private TestRestTemplate http;
    private Api api;
    private String partnerKey;
    private String caseId;
    private String photo;

    @BeforeAll
    void aReportWithAPhotoGathersInternalWords() {
        api = new Api(http);
        partnerKey = api.partnerKey("whistle-blower test partner");
        photo = uploadedWithReport();
        api.awaitCase(caseId, c -> "W005".equals(c.path("workerId").asText()));
        api.done(caseId, "accept", WORKER, Map.of());
        api.done(caseId, "follow", FOLLOWER, Map.of());
        api.done(caseId, "notes", WORKER, Map.of("note", "摊主说" + NOTE_WORD + "明天就收"));
        api.done(caseId, "park", "jinjiang", Map.of("reason", "等城管联系人" + SECRET_NAME + SECRET_PHONE));
        api.awaitCase(caseId, c -> "PARKED".equals(c.path("status").asText())
                && c.path("followerCount").asInt() == 2);
    }

    @Test
    void handlersFindTheInternalWordsTheyWrote() {
        assertThat(caseIds(search("supervisor", SECRET_NAME))).contains(caseId);
        assertThat(caseIds(search(WORKER, NOTE_WORD + " " + SECRET_PHONE))).isEmpty();
        assertThat(get("supervisor", "/api/cases/" + caseId).path("statusNote").asText()).contains(SECRET_PHONE);
    }

    @Test
    void internalWordsNeverMatchCountOrHighlightForRidersFollowersOrPartners() {
        for (String reader : List.of(REPORTER, FOLLOWER)) {
            for (String word : List.of(SECRET_NAME, SECRET_PHONE, "城管联系人")) {
                JsonNode found = search(reader, word);
                assertThat(found.path("total").asLong()).as("%s searching %s", reader, word).isZero();
                assertThat(found.toString()).doesNotContain(SECRET_NAME, SECRET_PHONE);
            }
            JsonNode byStall = search(reader, "占道");
            assertThat(caseIds(byStall)).as("the public words still find it for %s", reader).contains(caseId);
            assertThat(byStall.toString()).doesNotContain(SECRET_NAME, SECRET_PHONE, NOTE_WORD);
        }
        ResponseEntity<String> partner = http.exchange("/api/cases?q=" + SECRET_NAME, HttpMethod.GET,
                new HttpEntity<>(apiKey()), String.class);
        assertThat(partner.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(partner.getBody()).doesNotContain(caseId, SECRET_PHONE);
    }

    @Test
    void aFollowerSeesThePublicViewOnly() {
        JsonNode followed = get(FOLLOWER, "/api/cases/" + caseId);

        assertThat(followed.path("caseId").asText()).isEqualTo(caseId);
        assertThat(followed.path("description").asText()).contains("占道");
        assertThat(followed.toString()).doesNotContain(SECRET_PHONE, NOTE_WORD, "W005", photo);
        assertThat(followed.path("photoHashes")).isEmpty();
        assertThat(followed.path("reporterHandle").isMissingNode() || followed.path("reporterHandle").isNull())
                .isTrue();
    }

    @Test
    void theReporterSeesTheirPhotosButNoInternalWords() {
        JsonNode own = get(REPORTER, "/api/cases/" + caseId);

        assertThat(own.path("photoHashes").toString()).contains(photo);
        assertThat(own.toString()).doesNotContain(SECRET_PHONE, NOTE_WORD, "W005");
    }

    @Test
    void nearbyShowsOthersTheirPublicViewWithoutPhotos() {
        String nearby = "/api/reports/nearby?lat=" + LIANGFENG_09[0] + "&lon=" + LIANGFENG_09[1] + "&category=" + STALL;
        await().atMost(Api.READ_MODEL_WITHIN).until(() -> api.as("r034").getForEntity(nearby, String.class).getBody(),
                body -> body.contains(caseId));

        for (String reader : List.of(STRANGER, "w001", "longquanyi")) {
            String body = api.as(reader).getForEntity(nearby, String.class).getBody();
            assertThat(body).as(reader).contains(caseId).doesNotContain(photo, SECRET_PHONE, NOTE_WORD, "W005");
        }
        assertThat(api.as(REPORTER).getForEntity(nearby, String.class).getBody()).contains(photo);
    }

    @Test
    void aPhotoReachesOnlyThoseWhoMayOpenItsCase() {
        for (String mayOpen : List.of(REPORTER, WORKER, "jinjiang", "supervisor", "admin")) {
            ResponseEntity<byte[]> served = api.as(mayOpen).getForEntity("/api/photos/" + photo, byte[].class);
            assertThat(served.getStatusCode()).as(mayOpen).isEqualTo(HttpStatus.OK);
            assertThat(served.getHeaders().getCacheControl()).as(mayOpen).contains("private")
                    .doesNotContain("public");
        }
        String unknown = "0".repeat(64);
        for (String mayNot : List.of(FOLLOWER, STRANGER, "w001", "longquanyi")) {
            ResponseEntity<String> refused = api.as(mayNot).getForEntity("/api/photos/" + photo, String.class);
            assertThat(refused.getStatusCode()).as(mayNot).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(refused.getBody().replace(photo, unknown)).as("as for a photo that does not exist")
                    .isEqualTo(api.as(mayNot).getForEntity("/api/photos/" + unknown, String.class).getBody());
        }
        ResponseEntity<String> byPartner = http.exchange("/api/photos/" + photo, HttpMethod.GET,
                new HttpEntity<>(apiKey()), String.class);
        assertThat(byPartner.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/photos/" + photo, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anActionOnACaseTheCallerMayNotSeeAnswersAsForNoCase() {
        String none = "00000000-0000-0000-0000-00000000beef";
        Map<String, List<String>> tries = Map.of("w001", List.of("transfer", "notes", "accept"),
                "longquanyi", List.of("unpark", "escalate", "reporter-identity"));
        tries.forEach((caller, actions) -> actions.forEach(action -> {
            for (String ifMatch : new String[] {null, "\"0\"", "\"999\""}) {
                ResponseEntity<String> hidden = act(caseId, action, caller, ifMatch);
                ResponseEntity<String> missing = act(none, action, caller, ifMatch);
                assertThat(hidden.getStatusCode()).as("%s %s with If-Match %s", caller, action, ifMatch)
                        .isEqualTo(HttpStatus.NOT_FOUND);
                assertThat(hidden.getBody().replace(caseId, none)).isEqualTo(missing.getBody());
            }
        }));
    }

    @Test
    void theAssignedWorkerIsToldWhy() {
        ResponseEntity<String> accept = act(caseId, "accept", WORKER, null);

        assertThat(accept.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(accept.getBody()).contains("PARKED");
    }

    @Test
    void theFollowersNotificationsCarryNoInternalWords() {
        String inbox = await().atMost(Api.READ_MODEL_WITHIN)
                .until(() -> api.as(FOLLOWER).getForEntity("/api/notifications", String.class).getBody(),
                        body -> body.contains(caseId));

        assertThat(inbox).doesNotContain(SECRET_NAME, SECRET_PHONE, NOTE_WORD, "W005");
    }

    @Test
    void aFollowerHearsOfAFixWithoutItsPhotos() {
        String fixed = api.fileCase("C0106", new double[] {LIANGFENG_09[0] - 0.0003, LIANGFENG_09[1]},
                "路灯不亮 followerphotos", "r034");
        api.awaitCase(fixed, c -> "W005".equals(c.path("workerId").asText()));
        api.done(fixed, "follow", FOLLOWER, Map.of());
        api.done(fixed, "accept", WORKER, Map.of());
        String after = api.uploadPhoto(Pictures.png(new Color(0x0a, 0x0b, 0x0c)), WORKER);
        api.done(fixed, "resolve", WORKER, Map.of("note", "换了灯泡", "photos", List.of(after)));

        String reporters = await().atMost(Api.READ_MODEL_WITHIN).until(
                () -> api.as("r034").getForEntity("/api/notifications", String.class).getBody(),
                body -> body.contains("RESOLVED"));
        String followers = await().atMost(Api.READ_MODEL_WITHIN).until(
                () -> api.as(FOLLOWER).getForEntity("/api/notifications", String.class).getBody(),
                body -> body.contains(fixed) && body.contains("RESOLVED"));

        assertThat(reporters).contains(after);
        assertThat(followers).doesNotContain(after);
    }

    @Test
    void open311ShowsNeitherInternalWordsNorTheReportersWordsNorPhotos() {
        String request = await().atMost(Api.READ_MODEL_WITHIN).until(
                () -> http.getForEntity("/open311/v2/requests/" + caseId + ".json", String.class).getBody(),
                body -> body.contains("on hold"));

        assertThat(request).doesNotContain(SECRET_PHONE, NOTE_WORD, "W005", photo, "/api/photos", "占道卖水果",
                Double.toString(LIANGFENG_09[0]));
        String listed = http.getForEntity("/open311/v2/requests.json?service_code=" + STALL + "&extensions=true",
                String.class).getBody();
        assertThat(listed).contains(caseId).doesNotContain(SECRET_PHONE, NOTE_WORD, photo);
    }

    @Test
    void aVoidedCaseIsATombstoneOnThePublicRecordAndOffItForRiders() {
        String voided = api.fileCase("E0104", new double[] {LIANGFENG_09[0] + 0.0003, LIANGFENG_09[1]},
                "墙边搭了个棚子 voidedrecord", STRANGER);
        api.awaitCase(voided, c -> "W005".equals(c.path("workerId").asText()));
        api.done(voided, "void", "jinjiang", Map.of("reason", "重复上报，联系人" + SECRET_NAME));
        api.awaitStatus(voided, "VOIDED");

        // decision 0050: a client that imported it learns it ended, and nothing of what, where or why
        String byId = await().atMost(Api.READ_MODEL_WITHIN).until(() -> http.getForEntity("/open311/v2/requests/"
                + voided + ".json?extensions=true", String.class).getBody(), body -> body.contains("NO_FURTHER_ACTION"));
        assertThat(byId).contains(voided).doesNotContain(SECRET_NAME, "E0104", "棚子", "voidedrecord", "W005",
                Double.toString(LIANGFENG_09[1]).substring(0, 7));
        assertThat(http.getForEntity("/open311/v2/requests.json?service_request_id=" + voided, String.class)
                .getBody()).contains(voided).doesNotContain(SECRET_NAME, "E0104");
        assertThat(http.getForEntity("/open311/v2/requests.json?service_code=E0104", String.class).getBody())
                .doesNotContain(voided, SECRET_NAME);
        assertThat(http.getForEntity("/open311/v2/servicerequestupdates.json", String.class).getBody())
                .contains(voided).doesNotContain(SECRET_NAME, "重复上报");
        // to riders with no part in it, it still does not exist
        assertThat(api.act(voided, "follow", FOLLOWER, Map.of()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as(FOLLOWER).getForEntity("/api/cases/" + voided, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(STRANGER, "/api/cases/" + voided).path("status").asText()).as("its reporter still sees it")
                .isEqualTo("VOIDED");
    }

    @Test
    void open311PagesAreBounded() {
        ResponseEntity<String> huge = http.getForEntity("/open311/v2/requests.json?page_size=1000", String.class);

        assertThat(huge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(huge.getBody()).contains("page_size");
    }

    private String uploadedWithReport() {
        ResponseEntity<JsonNode> filed = api.fileWithPhoto(STALL, LIANGFENG_09, "人行道上占道卖水果，轮椅过不去",
                REPORTER, Pictures.png(new Color(0x31, 0xa2, 0xb3)));
        assertThat(filed.getStatusCode()).as("%s", filed.getBody()).isEqualTo(HttpStatus.CREATED);
        caseId = filed.getBody().path("caseId").asText();
        JsonNode own = api.awaitCase(caseId, c -> c.path("photoHashes").size() == 1);
        return own.path("photoHashes").get(0).asText();
    }

    private HttpHeaders apiKey() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Api-Key", partnerKey);
        return headers;
    }

    private ResponseEntity<String> act(String id, String action, String caller, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            headers.setIfMatch(ifMatch);
        }
        return api.as(caller).exchange("/api/cases/" + id + "/" + action, HttpMethod.POST,
                new HttpEntity<>(Map.of("reason", "试试看", "toCellCode", "51010400100101"), headers), String.class);
    }

    private JsonNode get(String caller, String path) {
        ResponseEntity<JsonNode> response = api.as(caller).getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as("%s as %s: %s", path, caller, response.getBody())
                .isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private JsonNode search(String caller, String text) {
        return await().atMost(Api.READ_MODEL_WITHIN).until(() -> get(caller, "/api/cases?size=100&q=" + text),
                found -> true);
    }

    private static List<String> caseIds(JsonNode result) {
        return StreamSupport.stream(result.path("cases").spliterator(), false)
                .map(c -> c.path("caseId").asText()).toList();
    }
}
