package city.gridwhistle.web.security;

import static city.gridwhistle.api.shared.Role.ADMIN;
import static city.gridwhistle.api.shared.Role.GRID_WORKER;
import static city.gridwhistle.api.shared.Role.PARTNER;
import static city.gridwhistle.api.shared.Role.RIDER;
import static city.gridwhistle.api.shared.Role.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.IntegrationTest;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.web.demo.DemoAccounts;
import city.gridwhistle.web.security.Http.Body;
import city.gridwhistle.web.security.Http.Credential;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Who may call what, as one table: every API endpoint (and the actuator's and Open311's) with the roles it is open
 * to. Every endpoint the application serves must have a row, so a new endpoint without one fails the build; and
 * every row is tried as every role and anonymously. Sample ids name nothing that exists, and bodies fail validation, so an
 * allowed call reaches the handler (and answers 400, 404, 415…) without changing anything; a refused call never
 * gets that far.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIntegrationTest {

    private static final Set<Role> SIGNED_IN = EnumSet.of(RIDER, GRID_WORKER, SUPERVISOR, ADMIN, PARTNER);
    private static final Set<Role> REPORTERS = EnumSet.of(RIDER, GRID_WORKER, SUPERVISOR, PARTNER);
    /** Roles with an account and a password of their own; partners have keys instead. */
    private static final Set<Role> PEOPLE = EnumSet.of(RIDER, GRID_WORKER, SUPERVISOR, ADMIN);
    /** The callers of the matrix: one account (or API key) per role. */
    private static final Map<Role, String> ACCOUNTS = Map.of(RIDER, "r041", GRID_WORKER, "w001",
            SUPERVISOR, "supervisor", ADMIN, "admin");

    /** Values for the path variables: ids of nothing that exists, except the matrix rider's own and a JVM metric. */
    private static final Map<String, String> SAMPLES = Map.of(
            "caseId", "00000000-0000-0000-0000-00000000dead",
            "username", "no-such-account",
            "keyId", "00000000deadbeef",
            "sha256", "0".repeat(64),
            "riderId", "R041",
            "workerId", "W999",
            "readModel", "no-such-read-model",
            "aggregateId", "no-such-aggregate",
            "requiredMetricName", "jvm.threads.live",
            "format", "json");

    private static final Body EMPTY_JSON = Body.json("{}");
    private static final Body EMPTY_MULTIPART = Body.multipartWithoutTheExpectedParts();

    /** THE TABLE. One row per (method, path): the roles it is open to, and whether anonymous callers are too. */
    static final List<Row> TABLE = List.of(
            row("POST", "/api/auth/token", SIGNED_IN).anonymousToo().body(EMPTY_JSON),
            row("POST", "/api/auth/logout", SIGNED_IN).signingTheCallerOut(),
            row("GET", "/api/auth/me", SIGNED_IN),
            row("POST", "/api/auth/password", PEOPLE).body(EMPTY_JSON),
            row("GET", "/api/auth/tokens", PEOPLE),
            // signs the caller out everywhere else: tried only as the roles it refuses
            row("DELETE", "/api/auth/tokens", PEOPLE).refusalsOnly(),
            row("DELETE", "/api/auth/tokens/{tokenId}", PEOPLE).at("/api/auth/tokens/00000000deadbeef"),
            row("POST", "/api/auth/devices", SIGNED_IN).anonymousToo().body(EMPTY_JSON),
            row("POST", "/api/auth/devices/refresh", SIGNED_IN).anonymousToo().body(EMPTY_JSON),
            row("GET", "/api/auth/devices", PEOPLE),
            row("DELETE", "/api/auth/devices/{deviceId}", PEOPLE).at("/api/auth/devices/00000000deadbeef"),

            row("GET", "/api/admin/accounts", EnumSet.of(ADMIN)),
            row("POST", "/api/admin/accounts", EnumSet.of(ADMIN)).body(EMPTY_JSON),
            row("POST", "/api/admin/accounts/{username}/disable", EnumSet.of(ADMIN)),
            row("POST", "/api/admin/accounts/{username}/enable", EnumSet.of(ADMIN)),
            row("POST", "/api/admin/accounts/{username}/password-reset", EnumSet.of(ADMIN)),
            row("GET", "/api/admin/accounts/{username}/tokens", EnumSet.of(ADMIN)),
            row("DELETE", "/api/admin/accounts/{username}/tokens", EnumSet.of(ADMIN)),
            row("GET", "/api/admin/accounts/{username}/devices", EnumSet.of(ADMIN)),
            row("DELETE", "/api/admin/accounts/{username}/devices/{deviceId}", EnumSet.of(ADMIN))
                    .at("/api/admin/accounts/no-such-account/devices/00000000deadbeef"),
            row("GET", "/api/admin/api-keys", EnumSet.of(ADMIN)),
            row("POST", "/api/admin/api-keys", EnumSet.of(ADMIN)).body(EMPTY_JSON),
            row("DELETE", "/api/admin/api-keys/{keyId}", EnumSet.of(ADMIN)),
            row("GET", "/api/admin/rebuilds/{readModel}", EnumSet.of(ADMIN)),
            row("POST", "/api/admin/rebuilds/{readModel}", EnumSet.of(ADMIN)),
            row("GET", "/api/admin/audit/verification", EnumSet.of(ADMIN)),
            row("GET", "/api/admin/audit/verification/{aggregateId}", EnumSet.of(ADMIN)),
            row("GET", "/api/admin/audit/checkpoints", EnumSet.of(ADMIN)),
            row("POST", "/api/admin/audit/checkpoints", EnumSet.of(ADMIN)).refusalsOnly(),
            row("DELETE", "/api/admin/riders/{riderId}/personal-data", EnumSet.of(ADMIN))
                    .at("/api/admin/riders/R999/personal-data").body(EMPTY_JSON),
            row("GET", "/api/admin/webhooks", EnumSet.of(ADMIN)),
            row("POST", "/api/admin/webhooks", EnumSet.of(ADMIN)).body(EMPTY_JSON),
            row("DELETE", "/api/admin/webhooks/{webhookId}", EnumSet.of(ADMIN)).at("/api/admin/webhooks/00000000dead"),
            row("GET", "/api/admin/webhooks/deliveries", EnumSet.of(ADMIN)).query("limit=1"),
            row("POST", "/api/admin/grid", EnumSet.of(ADMIN)).body(EMPTY_JSON),
            row("GET", "/api/admin/workers", EnumSet.of(ADMIN)),
            row("POST", "/api/admin/workers", EnumSet.of(ADMIN)).body(EMPTY_JSON),
            row("PUT", "/api/admin/workers/{workerId}/cells", EnumSet.of(ADMIN)).body(EMPTY_JSON),
            row("GET", "/api/admin/categories", EnumSet.of(ADMIN)),
            row("PUT", "/api/admin/categories/{code}", EnumSet.of(ADMIN)).at("/api/admin/categories/X9999")
                    .body(EMPTY_JSON),
            row("GET", "/api/admin/categories/changes", EnumSet.of(ADMIN)).query("limit=1"),

            row("POST", "/api/reports", REPORTERS).body(EMPTY_JSON),
            row("POST", "/api/reports", REPORTERS).body(EMPTY_MULTIPART),
            row("GET", "/api/reports/nearby", SIGNED_IN).query("lat=30.2&lon=103.5"),
            row("POST", "/api/photos", REPORTERS).body(EMPTY_MULTIPART),
            row("GET", "/api/photos/{sha256}", SIGNED_IN),

            row("GET", "/api/cases", SIGNED_IN),
            row("GET", "/api/cases/{caseId}", SIGNED_IN),
            row("POST", "/api/cases/{caseId}/dispatch", EnumSet.of(SUPERVISOR)).body(EMPTY_JSON),
            row("POST", "/api/cases/{caseId}/reassign", EnumSet.of(SUPERVISOR)).body(EMPTY_JSON),
            row("POST", "/api/cases/{caseId}/accept", EnumSet.of(GRID_WORKER)),
            row("POST", "/api/cases/{caseId}/start", EnumSet.of(GRID_WORKER)),
            row("POST", "/api/cases/{caseId}/notes", EnumSet.of(GRID_WORKER, SUPERVISOR)).body(EMPTY_JSON),
            row("POST", "/api/cases/{caseId}/resolve", EnumSet.of(GRID_WORKER)).body(EMPTY_JSON),
            row("POST", "/api/cases/{caseId}/verify", EnumSet.of(RIDER, GRID_WORKER, SUPERVISOR)).body(EMPTY_JSON),
            row("POST", "/api/cases/{caseId}/park", EnumSet.of(SUPERVISOR)).body(EMPTY_JSON),
            row("POST", "/api/cases/{caseId}/unpark", EnumSet.of(SUPERVISOR)).body(EMPTY_JSON),
            row("POST", "/api/cases/{caseId}/transfer", EnumSet.of(GRID_WORKER, SUPERVISOR)).body(EMPTY_JSON),
            row("POST", "/api/cases/{caseId}/escalate", EnumSet.of(SUPERVISOR)).body(EMPTY_JSON),
            row("POST", "/api/cases/{caseId}/reopen", EnumSet.of(SUPERVISOR)).body(EMPTY_JSON),
            row("POST", "/api/cases/{caseId}/void", EnumSet.of(SUPERVISOR)).body(EMPTY_JSON),
            row("POST", "/api/cases/{caseId}/follow", EnumSet.of(RIDER)),
            row("POST", "/api/cases/{caseId}/reporter-identity", EnumSet.of(SUPERVISOR)).body(EMPTY_JSON),
            row("GET", "/api/cases/{caseId}/history", EnumSet.of(SUPERVISOR, ADMIN)),
            row("GET", "/api/cases/{caseId}/history.json", EnumSet.of(SUPERVISOR, ADMIN)),
            row("GET", "/api/cases/{caseId}/history.csv", EnumSet.of(SUPERVISOR, ADMIN)),
            row("GET", "/api/cases/{caseId}/history.pdf", EnumSet.of(SUPERVISOR, ADMIN)),
            row("GET", "/api/cases/{caseId}/history/accesses", EnumSet.of(SUPERVISOR, ADMIN)),
            row("GET", "/api/cases/{caseId}/as-of", EnumSet.of(SUPERVISOR, ADMIN)).query("at=2026-01-01T00:00:00Z"),
            row("GET", "/api/cases/{caseId}/diff", EnumSet.of(SUPERVISOR, ADMIN))
                    .query("from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z"),

            row("GET", "/api/dashboards/performance", EnumSet.of(SUPERVISOR, ADMIN)),
            row("GET", "/api/dashboards/trend", EnumSet.of(SUPERVISOR, ADMIN)),
            row("GET", "/api/dashboards/heatmap", EnumSet.of(SUPERVISOR, ADMIN)),
            row("GET", "/api/stream/cases", SIGNED_IN),
            row("GET", "/api/stream/dashboard", EnumSet.of(SUPERVISOR, ADMIN)),
            row("GET", "/api/notifications", EnumSet.of(RIDER)),
            row("POST", "/api/notifications/{notificationId}/read", EnumSet.of(RIDER))
                    .at("/api/notifications/00000000-0000-0000-0000-00000000dead/read"),
            row("GET", "/api/notifications/stream", EnumSet.of(RIDER)),

            row("GET", "/api/stations", SIGNED_IN).query("bbox=30.62,104.12,30.60,104.135"),
            row("GET", "/api/stations/nearest", SIGNED_IN).query("lat=30.61&lon=104.12"),
            row("GET", "/api/stations/{stationId}", SIGNED_IN).at("/api/stations/no-such-station"),
            row("POST", "/api/admin/stations", EnumSet.of(ADMIN)).body(EMPTY_JSON),
            row("PUT", "/api/admin/stations/{stationId}", EnumSet.of(ADMIN))
                    .at("/api/admin/stations/no-such-station").body(EMPTY_JSON),
            row("POST", "/api/admin/stations/{stationId}/close", EnumSet.of(ADMIN))
                    .at("/api/admin/stations/no-such-station/close").body(EMPTY_JSON),
            row("POST", "/api/admin/stations/{stationId}/reopen", EnumSet.of(ADMIN))
                    .at("/api/admin/stations/no-such-station/reopen"),

            row("GET", "/api/riders/{riderId}/points", EnumSet.of(RIDER, SUPERVISOR, ADMIN)),
            row("GET", "/api/leaderboard", SIGNED_IN).query("district=510104"),
            row("PUT", "/api/riders/me/leaderboard-name", EnumSet.of(RIDER)).body(Body.json("{\"displayName\": \"" + "x".repeat(30) + "\"}")),
            row("POST", "/api/workers/{workerId}/on-duty", EnumSet.of(GRID_WORKER, SUPERVISOR, ADMIN)),
            row("POST", "/api/workers/{workerId}/off-duty", EnumSet.of(GRID_WORKER, SUPERVISOR, ADMIN)),

            // Open311 GeoReport v2: public reads; filing with a partner key, refused in the specification's format
            row("GET", "/open311/v2/discovery.{format}", SIGNED_IN).anonymousToo(),
            row("GET", "/open311/v2/services.{format}", SIGNED_IN).anonymousToo(),
            row("GET", "/open311/v2/services/{code}.{format}", SIGNED_IN).anonymousToo()
                    .at("/open311/v2/services/X9999.json"),
            row("GET", "/open311/v2/requests.{format}", SIGNED_IN).anonymousToo(),
            row("GET", "/open311/v2/requests/{id}.{format}", SIGNED_IN).anonymousToo()
                    .at("/open311/v2/requests/00000000-0000-0000-0000-00000000dead.json"),
            row("POST", "/open311/v2/requests.{format}", EnumSet.of(PARTNER)).refusedAsOpen311(),
            row("GET", "/open311/v2/servicerequestupdates.{format}", SIGNED_IN).anonymousToo(),
            // a signed media link is the credential: without a valid one, 404 for everyone
            row("GET", "/open311/v2/media/{sha256}", SIGNED_IN).anonymousToo()
                    .at("/open311/v2/media/" + "0".repeat(64)),
            // any other path and method under Open311: 404 in its format, for everyone
            row("ANY", "/open311/v2/**", SIGNED_IN).anonymousToo().at("/open311/v2/nothing.json"),

            row("GET", "/actuator/health", SIGNED_IN).anonymousToo(),
            row("GET", "/actuator/health/**", SIGNED_IN).anonymousToo().at("/actuator/health/db"),
            row("GET", "/actuator", EnumSet.of(ADMIN)),
            row("GET", "/actuator/info", EnumSet.of(ADMIN)),
            row("GET", "/actuator/prometheus", EnumSet.of(ADMIN)).notServedInTests(),
            row("GET", "/actuator/metrics", EnumSet.of(ADMIN)),
            row("GET", "/actuator/metrics/{requiredMetricName}", EnumSet.of(ADMIN)));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingInfoHandlerMapping mvcMappings;
    @Autowired
    private ApplicationContext context;
    @LocalServerPort
    private int port;

    private Http http;
    private final Map<Role, Credential> callers = new EnumMap<>(Role.class);

    @BeforeAll
    void signInOneCallerPerRole() {
        http = new Http(port);
        ACCOUNTS.forEach((role, username) -> callers.put(role, fresh(role)));
        Http.Response key = http.post("/api/admin/api-keys", callers.get(ADMIN),
                Map.of("partner", "access-matrix partner"));
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        callers.put(PARTNER, Credential.apiKey(Http.json(key).path("apiKey").asText()));
    }

    @Test
    void everyEndpointTheApplicationServesHasARowInTheTable() {
        Set<String> served = servedEndpoints();
        Set<String> inTable = TABLE.stream().map(Row::key).collect(Collectors.toCollection(TreeSet::new));

        assertThat(served).as("endpoints served but missing from the access table: add a row to %s.TABLE",
                getClass().getSimpleName()).isSubsetOf(inTable);
        assertThat(TABLE.stream().filter(row -> !row.is(Flag.NOT_SERVED_IN_TESTS)).map(Row::key))
                .as("rows of the access table that name no endpoint the application serves").isSubsetOf(served);
    }

    @TestFactory
    Stream<DynamicContainer> everyRowAnswersEveryRoleAsTheTableSays() {
        return TABLE.stream().map(row -> DynamicContainer.dynamicContainer(row.toString(), Stream.concat(
                Stream.of(DynamicTest.dynamicTest("anonymous", () -> checkAnonymous(row))),
                SIGNED_IN.stream().map(role -> DynamicTest.dynamicTest(role.name(), () -> checkRole(row, role))))));
    }

    private void checkAnonymous(Row row) {
        int status = call(row, Credential.NONE).statusCode();
        if (row.is(Flag.OPEN311_REFUSALS)) {
            assertThat(status).as("%s anonymously is refused as Open311 refuses", row).isEqualTo(403);
        } else if (row.is(Flag.ANONYMOUS)) {
            assertThat(status).as("%s anonymously is open", row).isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(status).as("%s anonymously must ask for credentials", row).isEqualTo(401);
        }
    }

    private void checkRole(Row row, Role role) {
        Assumptions.assumeFalse(row.is(Flag.REFUSALS_ONLY) && row.roles().contains(role),
                "allowed, but not called: it would change state");
        Credential caller = row.is(Flag.SIGNS_THE_CALLER_OUT) && role != PARTNER ? fresh(role) : callers.get(role);
        Http.Response response = call(row, caller);
        if (row.roles().contains(role)) {
            assertThat(response.statusCode()).as("%s as %s is allowed: %s", row, role, response.body())
                    .isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(response.statusCode()).as("%s as %s is refused: %s", row, role, response.body()).isEqualTo(403);
            String refusal = row.is(Flag.OPEN311_REFUSALS) ? "application/json" : "application/problem+json";
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith(refusal));
        }
    }

    private Http.Response call(Row row, Credential caller) {
        // a handler for any method is tried with one no other handler of its paths takes
        return http.send(row.method().equals("ANY") ? "DELETE" : row.method(), row.samplePath(), caller, row.body());
    }

    /** A token of its own for the role's account. */
    private Credential fresh(Role role) {
        return Credential.bearer(http.signIn(ACCOUNTS.get(role), DemoAccounts.PASSWORD));
    }

    /** "METHOD pattern" of every handler under /api/** and /open311/** of Spring MVC, and of every actuator endpoint. */
    private Set<String> servedEndpoints() {
        List<RequestMappingInfoHandlerMapping> mappings = new ArrayList<>(List.of(mvcMappings));
        if (context.containsBean("webEndpointServletHandlerMapping")) {
            mappings.add(context.getBean("webEndpointServletHandlerMapping", RequestMappingInfoHandlerMapping.class));
        }
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : mappings) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (!pattern.startsWith("/api/") && !pattern.startsWith("/open311/") && !pattern.equals("/actuator")
                            && !pattern.startsWith("/actuator/")) {
                        continue;
                    }
                    if (methods.isEmpty()) {
                        served.add("ANY " + pattern);
                    }
                    methods.forEach(method -> served.add(method.name() + " " + pattern));
                }
            }
        }
        return served;
    }

    private static Row row(String method, String pattern, Set<Role> roles) {
        return new Row(method, pattern, null, "", Body.NONE, Set.copyOf(roles), EnumSet.noneOf(Flag.class));
    }

    /** What sets a row apart. */
    enum Flag {
        /** Open to anonymous callers too. */
        ANONYMOUS,
        /** The call signs its caller out, so it is made with a token of its own. */
        SIGNS_THE_CALLER_OUT,
        /** Served only where metrics are exported, which Spring Boot's tests switch off. */
        NOT_SERVED_IN_TESTS,
        /**
         * Only the refusals are tried: the call takes no input that could fail validation, so an allowed caller
         * would change state that other tests may be watching.
         */
        REFUSALS_ONLY,
        /**
         * Open311 refuses in its specification's format: 403 with {@code [{"code":403,…}]}, anonymous callers
         * included (a filing without an API key is forbidden there, not unauthenticated).
         */
        OPEN311_REFUSALS
    }

    /**
     * One row of the table.
     *
     * @param at    the concrete path to call, when the pattern has wildcards rather than variables
     * @param query the query string to call with, if any
     */
    record Row(String method, String pattern, String at, String query, Body body, Set<Role> roles, Set<Flag> flags) {

        private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

        Row anonymousToo() {
            return with(Flag.ANONYMOUS);
        }

        Row signingTheCallerOut() {
            return with(Flag.SIGNS_THE_CALLER_OUT);
        }

        Row notServedInTests() {
            return with(Flag.NOT_SERVED_IN_TESTS);
        }

        Row refusalsOnly() {
            return with(Flag.REFUSALS_ONLY);
        }

        Row refusedAsOpen311() {
            return with(Flag.OPEN311_REFUSALS);
        }

        Row body(Body requestBody) {
            return new Row(method, pattern, at, query, requestBody, roles, flags);
        }

        Row query(String queryString) {
            return new Row(method, pattern, at, queryString, body, roles, flags);
        }

        Row at(String path) {
            return new Row(method, pattern, path, query, body, roles, flags);
        }

        boolean is(Flag flag) {
            return flags.contains(flag);
        }

        private Row with(Flag flag) {
            EnumSet<Flag> more = EnumSet.of(flag);
            more.addAll(flags);
            return new Row(method, pattern, at, query, body, roles, more);
        }

        String key() {
            return method + " " + pattern;
        }

        String samplePath() {
            String path = at;
            if (path == null) {
                Matcher variables = VARIABLE.matcher(pattern);
                StringBuilder expanded = new StringBuilder();
                while (variables.find()) {
                    String sample = SAMPLES.get(variables.group(1));
                    assertThat(sample).as("a sample value for {%s} in SAMPLES", variables.group(1)).isNotNull();
                    variables.appendReplacement(expanded, Matcher.quoteReplacement(sample));
                }
                path = variables.appendTail(expanded).toString();
            }
            return query.isEmpty() ? path : path + "?" + query;
        }

        @Override
        public String toString() {
            String kind = body.contentType() == null ? "" : " [" + body.contentType().replaceAll(";.*", "") + "]";
            return key() + kind + " open to " + (is(Flag.ANONYMOUS) ? "anyone" : new TreeSet<>(roles));
        }
    }

    static {
        Map<String, Long> duplicates = TABLE.stream().collect(Collectors.groupingBy(
                row -> row.key() + " " + row.body().contentType(), LinkedHashMap::new, Collectors.counting()));
        duplicates.values().removeIf(count -> count == 1);
        if (!duplicates.isEmpty()) {
            throw new IllegalStateException("rows listed twice in the access table: " + duplicates.keySet());
        }
    }
}
