package city.gridwhistle.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.web.demo.DemoAccounts;
import city.gridwhistle.web.pages.Pictures;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Who may reach whose records, generated: every endpoint and page that names a case, a photo, a grid worker, a
 * rider or a notification, called by every kind of caller in each relation to it (its own, the same district,
 * another district, an unrelated rider, a partner), answers as docs/security.md says: what the caller may see, or
 * 404 exactly as for a record that does not exist; a role the path is not open to, 403. An endpoint or page with a
 * path variable that is in neither this table nor its list of exemptions fails the build.
 *
 * <p>The records: a traffic sign case in 粮丰社区09网格 (锦江区) reported with a photo by R026 (a 锦江 rider), handled
 * by W005, followed by R027, and parked by the 锦江 supervisor, so that an action tried by someone who sees it is
 * refused for its state (409) and changes nothing; W005 themself; R026's points; R027's notification.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeMatrixIntegrationTest {

    private static final double[] LIANGFENG_09 = {30.611589, 104.126153};
    private static final String NONE = "00000000-0000-0000-0000-0000000a11ce";

    /** How a caller stands to the records; the same relation to each kind of record. */
    enum Relation {
        REPORTER("r026", Role.RIDER), FOLLOWER("r027", Role.RIDER), UNRELATED_RIDER("r049", Role.RIDER),
        PARTNER(null, Role.PARTNER), ITS_WORKER("w005", Role.GRID_WORKER),
        WORKER_SAME_DISTRICT("w001", Role.GRID_WORKER), WORKER_OTHER_DISTRICT("w008", Role.GRID_WORKER),
        SUPERVISOR_SAME_DISTRICT("jinjiang", Role.SUPERVISOR),
        SUPERVISOR_OTHER_DISTRICT("longquanyi", Role.SUPERVISOR), CITY_SUPERVISOR("supervisor", Role.SUPERVISOR),
        ADMIN("admin", Role.ADMIN);

        final String username;
        final Role role;

        Relation(String username, Role role) {
            this.username = username;
            this.role = role;
        }
    }

    /** The kinds of record a path variable names, and who may reach one. */
    enum Kind {
        /** The public view: its reporter, followers and handlers (an unrelated rider sees it only nearby). */
        CASE_VIEW(EnumSet.of(Relation.REPORTER, Relation.FOLLOWER, Relation.ITS_WORKER,
                Relation.SUPERVISOR_SAME_DISTRICT, Relation.CITY_SUPERVISOR, Relation.ADMIN)),
        /** An action: anyone but those the case does not exist for (riders and partners see the public record). */
        CASE_ACTION(EnumSet.of(Relation.REPORTER, Relation.FOLLOWER, Relation.UNRELATED_RIDER, Relation.PARTNER,
                Relation.ITS_WORKER, Relation.SUPERVISOR_SAME_DISTRICT, Relation.CITY_SUPERVISOR, Relation.ADMIN)),
        /** What handlers see: its worker, the supervisors of its district, administrators. */
        CASE_HANDLING(EnumSet.of(Relation.ITS_WORKER, Relation.SUPERVISOR_SAME_DISTRICT, Relation.CITY_SUPERVISOR,
                Relation.ADMIN)),
        /** Its photos: its reporter and handlers. */
        PHOTO(EnumSet.of(Relation.REPORTER, Relation.ITS_WORKER, Relation.SUPERVISOR_SAME_DISTRICT,
                Relation.CITY_SUPERVISOR, Relation.ADMIN)),
        /** A worker's duty: themself, the supervisors of their district, administrators. */
        WORKER(EnumSet.of(Relation.ITS_WORKER, Relation.SUPERVISOR_SAME_DISTRICT, Relation.CITY_SUPERVISOR,
                Relation.ADMIN)),
        /** A rider's ledger: themself, the supervisors of their district, administrators. */
        RIDER(EnumSet.of(Relation.REPORTER, Relation.SUPERVISOR_SAME_DISTRICT, Relation.CITY_SUPERVISOR,
                Relation.ADMIN)),
        /** A notification: its rider. */
        NOTIFICATION(EnumSet.of(Relation.FOLLOWER));

        final Set<Relation> reach;

        Kind(Set<Relation> reach) {
            this.reach = reach;
        }
    }

    /**
     * One endpoint or page naming a record.
     *
     * @param roles        the roles the path is open to (for the API, {@link AccessMatrixIntegrationTest#TABLE}'s)
     * @param page         a page, called with a signed-in session rather than a token
     * @param onlyRefusals only the callers who may not reach the record call it: it would change state
     */
    record Row(String method, String pattern, String queryString, Kind kind, Set<Role> roles, boolean page,
               boolean onlyRefusals) {

        String key() {
            return method + " " + pattern;
        }

        Row query(String query) {
            return new Row(method, pattern, query, kind, roles, page, onlyRefusals);
        }

        Row refusalsOnly() {
            return new Row(method, pattern, queryString, kind, roles, page, true);
        }
    }

    private static final Set<Role> SIGNED_IN = EnumSet.of(Role.RIDER, Role.GRID_WORKER, Role.SUPERVISOR, Role.ADMIN,
            Role.PARTNER);

    /** THE TABLE: every endpoint and page that names a record someone's scope decides. */
    private static final List<Row> TABLE = List.of(
            api("GET", "/api/cases/{caseId}", Kind.CASE_VIEW),
            api("POST", "/api/cases/{caseId}/dispatch", Kind.CASE_ACTION),
            api("POST", "/api/cases/{caseId}/reassign", Kind.CASE_ACTION),
            api("POST", "/api/cases/{caseId}/accept", Kind.CASE_ACTION),
            api("POST", "/api/cases/{caseId}/start", Kind.CASE_ACTION),
            api("POST", "/api/cases/{caseId}/notes", Kind.CASE_ACTION).refusalsOnly(),
            api("POST", "/api/cases/{caseId}/resolve", Kind.CASE_ACTION),
            api("POST", "/api/cases/{caseId}/verify", Kind.CASE_ACTION),
            api("POST", "/api/cases/{caseId}/park", Kind.CASE_ACTION),
            api("POST", "/api/cases/{caseId}/unpark", Kind.CASE_ACTION).refusalsOnly(),
            api("POST", "/api/cases/{caseId}/transfer", Kind.CASE_ACTION),
            api("POST", "/api/cases/{caseId}/escalate", Kind.CASE_ACTION),
            api("POST", "/api/cases/{caseId}/reopen", Kind.CASE_ACTION),
            api("POST", "/api/cases/{caseId}/void", Kind.CASE_ACTION).refusalsOnly(),
            api("POST", "/api/cases/{caseId}/follow", Kind.CASE_ACTION),
            api("POST", "/api/cases/{caseId}/reporter-identity", Kind.CASE_ACTION).refusalsOnly(),
            api("GET", "/api/cases/{caseId}/history", Kind.CASE_HANDLING),
            api("GET", "/api/cases/{caseId}/history.json", Kind.CASE_HANDLING),
            api("GET", "/api/cases/{caseId}/history.csv", Kind.CASE_HANDLING),
            api("GET", "/api/cases/{caseId}/history.pdf", Kind.CASE_HANDLING),
            api("GET", "/api/cases/{caseId}/history/accesses", Kind.CASE_HANDLING),
            api("GET", "/api/cases/{caseId}/as-of", Kind.CASE_HANDLING).query("seq=0"),
            api("GET", "/api/cases/{caseId}/diff", Kind.CASE_HANDLING).query("fromSeq=0&toSeq=1"),
            api("GET", "/api/photos/{sha256}", Kind.PHOTO),
            api("POST", "/api/workers/{workerId}/on-duty", Kind.WORKER),
            api("POST", "/api/workers/{workerId}/off-duty", Kind.WORKER).refusalsOnly(),
            api("GET", "/api/riders/{riderId}/points", Kind.RIDER),
            api("POST", "/api/notifications/{notificationId}/read", Kind.NOTIFICATION),
            page("/rider/cases/{caseId}", Kind.CASE_VIEW, Role.RIDER),
            page("/worker/cases/{caseId}", Kind.CASE_HANDLING, Role.GRID_WORKER),
            page("/worker/cases/{caseId}/detail", Kind.CASE_HANDLING, Role.GRID_WORKER),
            page("/supervisor/cases/{caseId}", Kind.CASE_HANDLING, Role.SUPERVISOR, Role.ADMIN),
            page("/supervisor/cases/{caseId}/detail", Kind.CASE_HANDLING, Role.SUPERVISOR, Role.ADMIN),
            page("/supervisor/cases/{caseId}/as-of", Kind.CASE_HANDLING, Role.SUPERVISOR, Role.ADMIN)
                    .query("seq=0"));

    /** Endpoints with path variables that name no record of a person or a district, and why. */
    private static final Map<String, String> EXEMPT = Map.ofEntries(
            Map.entry("/api/admin/", "administrators only: they reach every record; AccessMatrixIntegrationTest "
                    + "tries every other role"),
            Map.entry("/api/auth/tokens/{tokenId}", "the caller's own tokens only: another's id answers 404 as an "
                    + "unknown one does (PasswordsAndTokensIntegrationTest)"),
            Map.entry("/api/auth/devices/{deviceId}", "the caller's own devices only: another's id answers 404 as an "
                    + "unknown one does (DeviceSessionsIntegrationTest)"),
            Map.entry("/rider/devices/", "the rider's own devices only: another's id signs nothing out "
                    + "(DeviceSessionsIntegrationTest)"),
            Map.entry("/admin/accounts/", "administrators only, like /api/admin/"),
            Map.entry("/api/stations/{stationId}", "the rider-station directory is public to every signed-in user"),
            Map.entry("/open311/", "the public record: the same for everyone (WhistleBlowerProtectionIntegrationTest)"),
            Map.entry("/actuator/", "administrators and health probes; no record of a person"));

    @Autowired
    private TestRestTemplate http;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingInfoHandlerMapping mappings;
    @LocalServerPort
    private int port;
    private Api api;
    private String partnerKey;
    private final Map<String, String> records = new HashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();

    @BeforeAll
    void theRecords() {
        api = new Api(http);
        partnerKey = api.partnerKey("scope-matrix partner");
        String caseId = filedWithAPhoto();
        JsonNode filed = api.awaitCase(caseId, c -> "W005".equals(c.path("workerId").asText())
                && c.path("photoHashes").size() == 1);
        api.done(caseId, "follow", "r027", Map.of());
        api.done(caseId, "park", "jinjiang", Map.of("reason", "等候配件"));
        api.awaitStatus(caseId, "PARKED");
        records.put("caseId", caseId);
        records.put("sha256", filed.path("photoHashes").get(0).asText());
        records.put("workerId", "W005");
        records.put("riderId", "R026");
        JsonNode inbox = org.awaitility.Awaitility.await().atMost(Api.READ_MODEL_WITHIN).until(
                () -> api.as("r027").getForObject("/api/notifications", JsonNode.class),
                found -> found.findValuesAsText("caseId").contains(caseId));
        for (JsonNode notification : inbox.path("items")) {
            if (caseId.equals(notification.path("caseId").asText())) {
                records.put("notificationId", notification.path("id").asText());
            }
        }
        assertThat(records).containsKey("notificationId");
    }

    @Test
    void everyEndpointAndPageNamingARecordIsInTheTableOrExempt() {
        Set<String> inTable = TABLE.stream().map(Row::key).collect(Collectors.toSet());
        Set<String> unlisted = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.contains("{")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    String key = method.name() + " " + pattern;
                    if (!inTable.contains(key) && EXEMPT.keySet().stream().noneMatch(pattern::startsWith)) {
                        unlisted.add(key);
                    }
                }
            }
        }
        assertThat(unlisted).as("endpoints naming a record, neither in %s.TABLE nor exempt",
                getClass().getSimpleName()).isEmpty();
        assertThat(TABLE.stream().filter(row -> !row.page()).map(Row::key))
                .as("API rows agree with the access matrix")
                .allMatch(key -> AccessMatrixIntegrationTest.TABLE.stream().anyMatch(r -> r.key().equals(key)));
    }

    @TestFactory
    Stream<DynamicContainer> everyCallerReachesExactlyTheRecordsTheRuleGivesThem() {
        return TABLE.stream().map(row -> DynamicContainer.dynamicContainer(row.key(), Stream.of(Relation.values())
                .filter(relation -> !(row.onlyRefusals() && allowed(row, relation)))
                .map(relation -> DynamicTest.dynamicTest(relation.name(), () -> check(row, relation)))));
    }

    private void check(Row row, Relation relation) throws Exception {
        int status = call(row, relation, path(row, records));
        if (!row.roles().contains(relation.role)) {
            assertThat(status).as("%s as %s: the path is not open to %s", row.key(), relation, relation.role)
                    .isIn(403);
        } else if (row.kind().reach.contains(relation)) {
            assertThat(status).as("%s as %s may reach it", row.key(), relation).isNotIn(401, 403, 404)
                    .isLessThan(500);
        } else {
            assertThat(status).as("%s as %s: as for a record that does not exist", row.key(), relation)
                    .isEqualTo(404);
            Map<String, String> missing = new HashMap<>(records);
            missing.replaceAll((variable, id) -> variable.equals("sha256") ? "0".repeat(64)
                    : variable.equals("workerId") ? "W999" : variable.equals("riderId") ? "R999" : NONE);
            assertThat(call(row, relation, path(row, missing))).as("%s as %s for nothing", row.key(), relation)
                    .isEqualTo(404);
        }
    }

    private static boolean allowed(Row row, Relation relation) {
        return row.roles().contains(relation.role) && row.kind().reach.contains(relation);
    }

    private int call(Row row, Relation relation, String path) throws Exception {
        if (row.page()) {
            return sessions.computeIfAbsent(relation.username, this::signIn).get(path);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (relation == Relation.PARTNER) {
            headers.set("X-Api-Key", partnerKey);
        } else {
            headers.setBearerAuth(api.token(relation.username));
        }
        // a body that passes the controller's checks, so that a refusal comes from the record and its state
        Map<String, Object> body = Map.of("reason", "矩阵测试", "note", "矩阵测试", "workerId", "W006",
                "toCellCode", "51010400100101", "fixed", true);
        ResponseEntity<String> response = http.exchange(path, org.springframework.http.HttpMethod.valueOf(
                row.method()), "GET".equals(row.method()) ? new HttpEntity<>(headers)
                : new HttpEntity<>(body, headers), String.class);
        return response.getStatusCode().value();
    }

    private static String path(Row row, Map<String, String> values) {
        Matcher variables = Pattern.compile("\\{([^}]+)}").matcher(row.pattern());
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            variables.appendReplacement(path, Matcher.quoteReplacement(values.get(variables.group(1))));
        }
        variables.appendTail(path);
        return row.queryString() == null ? path.toString() : path + "?" + row.queryString();
    }

    private String filedWithAPhoto() {
        ResponseEntity<JsonNode> filed = api.fileWithPhoto("C0202", LIANGFENG_09, "交通标志牌被撞歪了 scopematrix",
                "r026", Pictures.png(new Color(0x26, 0x06, 0x05)));
        assertThat(filed.getStatusCode()).as("%s", filed.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(filed.getBody().path("attached").asBoolean()).as("a case of its own").isFalse();
        return filed.getBody().path("caseId").asText();
    }

    private static Row api(String method, String pattern, Kind kind) {
        Set<Role> roles = AccessMatrixIntegrationTest.TABLE.stream()
                .filter(row -> row.key().equals(method + " " + pattern)).findFirst()
                .map(AccessMatrixIntegrationTest.Row::roles).orElse(SIGNED_IN);
        return new Row(method, pattern, null, kind, roles, false, false);
    }

    private static Row page(String pattern, Kind kind, Role... roles) {
        return new Row("GET", pattern, null, kind, EnumSet.copyOf(List.of(roles)), true, false);
    }

    static {
        Map<String, Long> twice = TABLE.stream().collect(Collectors.groupingBy(Row::key, LinkedHashMap::new,
                Collectors.counting()));
        twice.values().removeIf(count -> count == 1);
        if (!twice.isEmpty()) {
            throw new IllegalStateException("rows listed twice: " + twice.keySet());
        }
    }

    /** A partner has no pages; anyone else signs in through the form, as a browser does. */
    private Session signIn(String username) {
        try {
            return username == null ? new Session(null, port) : new Session(username, port);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A browser's session: signed in with the form, cookies kept, redirects not followed. */
    private static final class Session {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final int port;

        Session(String username, int port) throws Exception {
            this.port = port;
            if (username == null) {
                return;
            }
            String form = send(HttpRequest.newBuilder(uri("/login")).GET()).body();
            Matcher token = CSRF.matcher(form);
            assertThat(token.find()).as("the sign-in form's CSRF token").isTrue();
            String fields = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(DemoAccounts.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
            HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(fields)));
            assertThat(signedIn.headers().firstValue("Location").orElse("")).as("%s signs in", username)
                    .doesNotContain("error");
        }

        int get(String path) throws Exception {
            int status = send(HttpRequest.newBuilder(uri(path)).GET()).statusCode();
            // a page a caller with no session may not see sends them to sign in
            return status == 302 ? 403 : status;
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
