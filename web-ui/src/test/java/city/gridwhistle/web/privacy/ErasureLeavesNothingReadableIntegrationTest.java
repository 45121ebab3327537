package city.gridwhistle.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import city.gridwhistle.PageSession;
import city.gridwhistle.api.rider.SetLeaderboardNameCommand;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.web.demo.DemoAccounts;
import city.gridwhistle.web.history.PdfText;
import city.gridwhistle.web.pages.Pictures;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Issue #23, item 5: erasure leaves nothing readable. A fresh rider whose username is a phone number registers with
 * a name, a phone and a handle, files a report with a photo (with an {@code Idempotency-Key}), follows another case,
 * is told of both, and chooses a leaderboard name; then an administrator erases them. Afterwards a dump of every
 * table, every document of every index, and every export and view of their cases hold none of those five values,
 * their token and their session are refused, the rider cannot choose a name again, erasing again changes nothing,
 * every hash chain still verifies, and a rebuild of the case index from the event store leaves them out exactly as
 * the live projection did.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErasureLeavesNothingReadableIntegrationTest {

    /** 蜀州社区02网格 (崇州市, W018 on duty) and 03 (W018, W019): no other test reports there. */
    private static final double[] SHUZHOU_02 = {30.629546, 103.672481};
    private static final double[] SHUZHOU_03 = {30.629558, 103.673538};
    private static final String DISTRICT = "510184";
    private static final String POTHOLE = "C0402";
    private static final String MANHOLE = "C0103";
    private static final String OTHER_RIDER = "r019";
    private static final String PIPL_REQUEST = "个人信息删除请求 PIPL-2026-0046";

    @Autowired
    private TestRestTemplate server;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private ElasticsearchClient elasticsearch;
    @Autowired
    private CommandGateway commands;

    private Api api;
    private EverythingStored stored;
    private String riderId;
    private String username;
    private String phone;
    private String name;
    private String handle;
    private final String leaderboardName = "成龙路" + FreshRider.cjk(3);
    private String token;
    private HttpClient session;
    private String caseId;
    private String followedCaseId;
    private String photo;
    private JsonNode firstErasure;
    @Value("${gridwhistle.data-dir}")
    private String dataDir;

    @BeforeAll
    void aRiderReportsFollowsIsToldAndChoosesAName() throws Exception {
        api = new Api(server);
        stored = new EverythingStored(dataSource, elasticsearch);
        FreshRider rider = FreshRider.register(api, commands, DISTRICT);
        riderId = rider.riderId();
        username = rider.username();
        phone = rider.phone();
        name = rider.name();
        handle = rider.handle();
        token = api.token(username);
        session = PageSession.signIn(server.getRootUri(), username, DemoAccounts.PASSWORD);

        followedCaseId = api.fileCase(MANHOLE, SHUZHOU_03, "井盖缺失，车辆绕行 erasurefollowed", OTHER_RIDER);
        api.awaitCase(followedCaseId, c -> c.path("workerId").asText().startsWith("W"));
        caseId = fileWithPhoto();
        api.done(followedCaseId, "follow", username, Map.of());
        assertThat(put("/api/riders/me/leaderboard-name", Map.of("displayName", leaderboardName)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode filed = api.awaitCase(caseId, c -> c.path("workerId").asText().startsWith("W")
                && handle.equals(c.path("reporterHandle").asText()));
        photo = filed.path("photoHashes").path(0).asText();
        api.awaitCase(followedCaseId, c -> c.path("followerCount").asInt() == 2);
        api.done(followedCaseId, "accept", "w019".equals(workerOf(followedCaseId)) ? "w019" : "w018", Map.of());
        await().atMost(Api.READ_MODEL_WITHIN).until(() -> inbox().path("total").asLong() >= 3);
        await().atMost(Api.READ_MODEL_WITHIN).until(() -> jdbc.queryForList("select 1 from leaderboard_rider"
                + " where rider_id = ? and display_name is not null", riderId).size() == 1);
    }

    @Test
    @Order(1)
    void beforeErasureTheSearchFindsWhatIsThere() throws Exception {
        assertThat(stored.placesHolding(username)).as("the account and the idempotency key").isNotEmpty();
        assertThat(stored.placesHolding(handle)).as("the handle's read models").isNotEmpty();
        assertThat(stored.placesHolding(leaderboardName)).as("the leaderboard").isNotEmpty();
        assertThat(stored.documents()).as("documents naming the rider").anyMatch(d -> d.contains(riderId));
        assertThat(inbox().path("total").asLong()).isPositive();
        assertThat(sessionGet("/api/notifications").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void theErasureListsThePhotosOfTheRidersReportsForReview() {
        ResponseEntity<JsonNode> erased = erase();

        assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.OK);
        firstErasure = erased.getBody();
        assertThat(firstErasure.path("riderId").asText()).isEqualTo(riderId);
        assertThat(firstErasure.path("photosToReview")).hasSize(1);
        assertThat(firstErasure.path("photosToReview").path(0).path("caseId").asText()).isEqualTo(caseId);
        assertThat(firstErasure.path("photosToReview").path(0).path("sha256").asText()).isEqualTo(photo);
        assertThat(firstErasure.toString()).doesNotContain(personal());
        assertThat(Files.exists(photoFile(photo))).as("the photo, kept for review").isTrue();
    }

    @Test
    @Order(3)
    void noTableEventIndexDocumentOrDecodedPayloadHoldsTheRidersData() {
        await().atMost(Api.READ_MODEL_WITHIN).untilAsserted(() -> {
            Map<String, List<String>> found = new LinkedHashMap<>();
            for (String value : personal()) {
                List<String> places = stored.placesHolding(value);
                if (!places.isEmpty()) {
                    found.put(value, places);
                }
            }
            assertThat(found).as("where the erased rider's data still lies").isEmpty();
            assertThat(stored.documents()).as("documents naming the rider").noneMatch(d -> d.contains(riderId));
        });
    }

    @Test
    @Order(4)
    void noExportOrViewOfTheirCasesHoldsTheirData() throws IOException {
        List<String> answers = new ArrayList<>();
        TestRestTemplate admin = api.as("admin");
        for (String id : List.of(caseId, followedCaseId)) {
            answers.add(admin.getForObject("/api/cases/" + id + "/history", String.class));
            answers.add(admin.getForObject("/api/cases/" + id + "/history.json", String.class));
            answers.add(new String(admin.getForObject("/api/cases/" + id + "/history.csv", byte[].class),
                    StandardCharsets.UTF_8));
            answers.add(PdfText.of(admin.getForObject("/api/cases/" + id + "/history.pdf", byte[].class)));
            answers.add(server.getForObject("/open311/v2/requests/" + id + ".json?extensions=true", String.class));
            answers.add(server.getForObject("/open311/v2/requests/" + id + ".xml?extensions=true", String.class));
            for (String viewer : List.of("admin", "supervisor", "w018", "w019", OTHER_RIDER)) {
                answers.add(api.as(viewer).getForObject("/api/cases/" + id, String.class));
            }
        }
        answers.add(admin.getForObject("/api/admin/accounts", String.class));
        answers.add(api.as(OTHER_RIDER).getForObject("/api/leaderboard?district=" + DISTRICT, String.class));

        assertThat(answers).allSatisfy(answer -> assertThat(answer).doesNotContain(personal()));
        assertThat(answers.getFirst()).as("the history still holds the report").contains(caseId);
    }

    @Test
    @Order(5)
    void theirTokenAndTheirSessionNoLongerWork() throws Exception {
        ResponseEntity<String> byToken = server.exchange("/api/notifications", HttpMethod.GET,
                new HttpEntity<>(bearer(token)), String.class);

        assertThat(byToken.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(sessionGet("/api/notifications").statusCode()).isEqualTo(401);
        assertThat(sessionGet("/rider").headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
        assertThat(server.postForEntity("/api/auth/token", Map.of("username", username, "password",
                DemoAccounts.PASSWORD), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @Order(6)
    void theRiderCannotChooseALeaderboardNameAgain() {
        long events = eventsOfTheRider();

        assertThat(put("/api/riders/me/leaderboard-name", Map.of("displayName", "又回来了")).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        Throwable refused = catchThrowable(() -> commands.sendAndWait(
                new SetLeaderboardNameCommand(riderId, "又回来了", new Actor(riderId, Role.RIDER))));

        assertThat(rejection(refused)).as("%s", refused).isNotNull();
        assertThat(rejection(refused).reason()).isEqualTo(CommandRejectedException.Reason.PERSONAL_DATA_ERASED);
        assertThat(eventsOfTheRider()).isEqualTo(events);
    }

    @Test
    @Order(7)
    void erasingAgainChangesNothing() {
        long events = eventsOfTheRider();

        ResponseEntity<JsonNode> again = erase();

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).as("the same answer, photos to review included").isEqualTo(firstErasure);
        assertThat(eventsOfTheRider()).isEqualTo(events);
        assertThat(jdbc.queryForObject("select count(*) from account where subject_id = ? and role = 'RIDER'",
                Long.class, riderId)).isEqualTo(1);
    }

    @Test
    @Order(8)
    void everyHashChainStillVerifies() {
        JsonNode report = api.as("admin").getForObject("/api/admin/audit/verification", JsonNode.class);

        assertThat(report.path("intact").asBoolean()).as("%s", report).isTrue();
    }

    /** What the live projection made of the erasure, a rebuild from the event store makes too, to the byte. */
    @Test
    @Order(9)
    void aRebuiltIndexLeavesThemOutAsTheLiveOneDid() throws IOException {
        Map<String, String> live = indexed(caseId, followedCaseId);
        TestRestTemplate admin = api.as("admin");

        assertThat(admin.postForEntity("/api/admin/rebuilds/cases", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        JsonNode done = await().atMost(Duration.ofMinutes(2)).until(
                () -> admin.getForObject("/api/admin/rebuilds/cases", JsonNode.class),
                progress -> !progress.path("state").asText().equals("RUNNING"));

        assertThat(done.path("state").asText()).as("%s", done).isEqualTo("DONE");
        assertThat(indexed(caseId, followedCaseId)).isEqualTo(live);
        assertThat(stored.documents()).as("documents naming the rider").noneMatch(d -> d.contains(riderId));
    }

    private Map<String, String> indexed(String... caseIds) throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String id : caseIds) {
            sources.put(id, elasticsearch.get(g -> g.index("cases").id(id), JsonData.class).source().toJson()
                    .toString());
        }
        return sources;
    }

    private String[] personal() {
        return new String[] {username, phone, name, handle, leaderboardName};
    }

    private String fileWithPhoto() {
        var body = new LinkedMultiValueMap<String, Object>();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        body.add("report", new HttpEntity<>(Map.of("categoryCode", POTHOLE, "lat", SHUZHOU_02[0],
                "lon", SHUZHOU_02[1], "description", "路面坑洼，电动车容易摔 erasurereport"), json));
        body.add("photo", new HttpEntity<>(new ByteArrayResource(Pictures.png(new Color(0x46, 0x00, 0x01))) {
            @Override
            public String getFilename() {
                return "pothole.png";
            }
        }));
        HttpHeaders headers = bearer(token);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.set("Idempotency-Key", "erasure-" + riderId);
        ResponseEntity<JsonNode> filed = server.postForEntity("/api/reports", new HttpEntity<>(body, headers),
                JsonNode.class);
        assertThat(filed.getStatusCode()).as("%s", filed.getBody()).isEqualTo(HttpStatus.CREATED);
        return filed.getBody().path("caseId").asText();
    }

    private Path photoFile(String sha256) {
        return Path.of(dataDir, "photos", sha256.substring(0, 2), sha256);
    }

    private String workerOf(String id) {
        return api.get("/api/cases/" + id).path("workerId").asText().toLowerCase(java.util.Locale.ROOT);
    }

    private JsonNode inbox() {
        return server.exchange("/api/notifications", HttpMethod.GET, new HttpEntity<>(bearer(token)), JsonNode.class)
                .getBody();
    }

    private ResponseEntity<String> put(String path, Map<String, ?> body) {
        HttpHeaders headers = bearer(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return server.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<JsonNode> erase() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return api.as("admin").exchange("/api/admin/riders/" + riderId + "/personal-data", HttpMethod.DELETE,
                new HttpEntity<>(Map.of("reason", PIPL_REQUEST), headers), JsonNode.class);
    }

    private long eventsOfTheRider() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, riderId);
    }

    private static CommandRejectedException rejection(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof CommandRejectedException rejected) {
                return rejected;
            }
        }
        return null;
    }

    private static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
    }

    private HttpResponse<String> sessionGet(String path) throws Exception {
        return session.send(HttpRequest.newBuilder(URI.create(server.getRootUri() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
