package city.gridwhistle.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.IntegrationTest;
import city.gridwhistle.web.demo.DemoAccounts;
import city.gridwhistle.web.security.Http.Body;
import city.gridwhistle.web.security.Http.Credential;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The defences around the API: a per-rider limit on filing, security headers on every answer, errors that tell
 * nothing of the internals, and the audit trail that says who did what, by which channel, on every event.
 */
@IntegrationTest
class ProtectionIntegrationTest {

    /** 南街社区06网格 (蒲江). */
    private static final double[] NANJIE_06 = {30.197462, 103.505465};
    /** 南街社区04网格. */
    private static final double[] NANJIE_04 = {30.196574, 103.507559};
    /** 南街社区05网格. */
    private static final double[] NANJIE_05 = {30.197449, 103.504423};

    private static final List<String> INTERNALS = List.of("Exception", "at city.", "at org.", "at java.",
            "select ", "SELECT ", "insert into", "org.postgresql", "PSQLException", "elasticsearch", "stackTrace",
            "trace\"");

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    private Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void eleventhReportWithinTheWindowIsRefusedWithRetryAfterAndWritesNothing() {
        Credential rider = signIn("r049");
        for (int report = 1; report <= 10; report++) {
            Http.Response filed = http.post("/api/reports", rider, report(
                    "E0403", NANJIE_06, "南街路口积水，电动车过不去（第" + report + "次报告）"));
            assertThat(filed.statusCode()).as("report #%d: %s", report, filed.body()).isEqualTo(201);
        }
        long reportsBefore = reportsFiledBy("R049");

        Http.Response eleventh = http.post("/api/reports", rider, report(
                "E0403", NANJIE_06, "南街路口积水，第十一次报告"));

        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(eleventh.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 600L));
        assertThat(Http.json(eleventh).path("type").asText()).isEqualTo("/problems/rate-limited");
        assertThat(reportsFiledBy("R049")).as("nothing written for the refused report").isEqualTo(reportsBefore);
        assertThat(reportsBefore).isEqualTo(10);
        assertThat(http.post("/api/reports", signIn("r050"), report("E0403", NANJIE_06, "南街路口积水，另一位骑手"))
                .statusCode()).as("the limit is per rider").isEqualTo(201);
    }

    @Test
    void apiAnswersCarryTheSecurityHeaders() {
        Http.Response signedIn = http.get("/api/auth/me", signIn("r041"));
        Http.Response anonymous = http.get("/api/cases", Credential.NONE);

        for (Http.Response response : List.of(signedIn, anonymous)) {
            assertSecurityHeaders(response);
            assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                    cache -> assertThat(cache).contains("no-store"));
        }
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        Http.Response loginPage = http.get("/login", Credential.NONE);

        assertThat(loginPage.statusCode()).isEqualTo(200);
        assertSecurityHeaders(loginPage);
        assertSecurityHeaders(http.get("/", Credential.NONE));
    }

    @Test
    void errorsNeverRevealStackTracesOrSql() {
        Credential supervisor = signIn("supervisor");
        Credential rider = signIn("r041");
        List<Http.Response> failures = List.of(
                http.send("POST", "/api/reports", rider, Body.json("{\"categoryCode\": \"E04")),
                http.send("POST", "/api/reports", rider, Body.json("{\"categoryCode\": \"E0403\", \"lat\": \"north\"}")),
                http.send("POST", "/api/reports", rider, new Body("application/xml", "<report/>")),
                http.get("/api/cases?page=abc", supervisor),
                http.get("/api/cases?status=NOPE", supervisor),
                http.get("/api/cases?size=20&page=2147483647", supervisor),
                http.get("/api/cases?cursor=not-a-cursor", supervisor),
                http.get("/api/cases/'%20or%201=1--", supervisor),
                http.get("/api/cases/%27;drop%20table%20account;--/x", supervisor),
                http.send("POST", "/api/cases/no-such-case/verify", supervisor, Body.json("{\"fixed\": \"maybe\"}")),
                http.send("POST", "/api/cases/no-such-case/dispatch", supervisor, Body.json("{\"workerId\": 42}")),
                http.get("/api/reports/nearby?lat=999&lon=0", rider),
                http.get("/api/photos/..%2F..%2Fetc%2Fpasswd", rider),
                http.get("/api/cases/%00", supervisor),
                http.send("PUT", "/api/cases", supervisor, Body.json("{}")),
                http.send("POST", "/api/auth/token", Credential.NONE, Body.json("[1, 2")));

        assertThat(failures).allSatisfy(failure -> {
            assertThat(failure.statusCode()).as("%s", failure.uri()).isBetween(400, 599);
            assertThat(failure.body()).as("%s", failure.uri()).doesNotContain(INTERNALS);
        });
    }

    @Test
    void eventsOfABearerTokenCallerRecordTheUserRoleAndChannelApp() {
        Http.Response filed = http.post("/api/reports", signIn("r046"),
                report("C0301", NANJIE_04, "南街公厕门锁坏了，里面没有灯"));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String caseId = Http.json(filed).path("caseId").asText();

        JsonNode filedBy = metadataOf(caseId, "ReportFiledEvent");
        assertThat(filedBy.path("userId").asText()).isEqualTo("R046");
        assertThat(filedBy.has("username")).as("the account name, which may be a phone number").isFalse();
        assertThat(filedBy.path("role").asText()).isEqualTo("RIDER");
        assertThat(filedBy.path("channel").asText()).isEqualTo("APP");
        assertThat(filedBy.path("correlationId").asText()).isNotBlank();
        JsonNode registered = metadataOf(caseId, "CaseRegisteredEvent");
        assertThat(registered.path("userId").asText()).isEqualTo("R046");
        assertThat(registered.path("correlationId")).isEqualTo(filedBy.path("correlationId"));

        Http.Response escalated = http.post("/api/cases/" + caseId + "/escalate", signIn("supervisor"),
                Map.of("reason", "公厕无灯，夜间存在安全隐患"));
        assertThat(escalated.statusCode()).as(escalated.body()).isEqualTo(204);
        JsonNode escalatedBy = metadataOf(caseId, "CaseEscalatedEvent");
        assertThat(escalatedBy.path("userId").asText()).isEqualTo("S001");
        assertThat(escalatedBy.path("role").asText()).isEqualTo("SUPERVISOR");
        assertThat(escalatedBy.path("channel").asText()).isEqualTo("APP");
        assertThat(escalatedBy.path("correlationId").asText()).isNotBlank().isNotEqualTo(filedBy.path("correlationId").asText());
    }

    @Test
    void eventsOfAPartnerRecordTheKeyRoleAndChannelApi() {
        Http.Response key = http.post("/api/admin/api-keys", signIn("admin"), Map.of("partner", "饿了么开放平台"));
        assertThat(key.statusCode()).isEqualTo(201);
        String keyId = Http.json(key).path("keyId").asText();

        Http.Response filed = http.post("/api/reports", Credential.apiKey(Http.json(key).path("apiKey").asText()),
                report("C0204", NANJIE_05, "南街公交候车亭顶棚玻璃碎裂"));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);

        JsonNode filedBy = metadataOf(Http.json(filed).path("caseId").asText(), "ReportFiledEvent");
        assertThat(filedBy.path("userId").asText()).isEqualTo("partner:" + keyId);
        assertThat(filedBy.path("role").asText()).isEqualTo("PARTNER");
        assertThat(filedBy.path("channel").asText()).isEqualTo("API");
        assertThat(filedBy.path("correlationId").asText()).isNotBlank();
        assertThat(filedBy.toString()).doesNotContain(Http.json(key).path("apiKey").asText());
    }

    private void assertSecurityHeaders(Http.Response response) {
        assertThat(response.headers().firstValue("Content-Security-Policy")).as("CSP of %s", response.uri())
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'",
                        "object-src 'none'"));
        assertThat(response.headers().firstValue("X-Frame-Options")).as("%s", response.uri()).hasValue("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as("%s", response.uri()).hasValue("nosniff");
    }

    private Credential signIn(String username) {
        return Credential.bearer(http.signIn(username, DemoAccounts.PASSWORD));
    }

    private static Map<String, Object> report(String category, double[] where, String description) {
        return Map.of("categoryCode", category, "lat", where[0], "lon", where[1], "description", description);
    }

    private long reportsFiledBy(String riderId) {
        Long count = jdbc.queryForObject("""
                select count(*) from domain_event_entry
                 where (payload_type like '%.ReportFiledEvent' or payload_type like '%.ReportAttachedEvent')
                   and convert_from(payload, 'UTF8') like ?""", Long.class, "%\"reporterId\":\"" + riderId + "\"%");
        return count == null ? 0 : count;
    }

    private JsonNode metadataOf(String caseId, String eventType) {
        List<String> metadata = jdbc.queryForList("""
                select convert_from(meta_data, 'UTF8') from domain_event_entry
                 where aggregate_identifier = ? and payload_type like ? order by global_index desc""", String.class,
                caseId, "%." + eventType);
        assertThat(metadata).as("%s of case %s", eventType, caseId).isNotEmpty();
        try {
            return Http.JSON.readTree(metadata.getFirst());
        } catch (IOException e) {
            throw new IllegalStateException(metadata.getFirst(), e);
        }
    }
}
