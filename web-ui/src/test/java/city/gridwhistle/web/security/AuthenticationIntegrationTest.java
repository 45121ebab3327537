package city.gridwhistle.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.IntegrationTest;
import city.gridwhistle.web.demo.DemoAccounts;
import city.gridwhistle.web.security.Http.Credential;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Signing in and being refused: bearer tokens that expire and can be revoked, partner API keys that can be
 * revoked, lock-out after repeated wrong passwords, disabled accounts, and the session sign-in of the pages with its
 * CSRF protection. Accounts that get locked or disabled are created for the test, never the demo accounts.
 */
@IntegrationTest
class AuthenticationIntegrationTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;

    private Http http;
    private Credential admin;

    @BeforeEach
    void signInTheAdministrator() {
        http = new Http(port);
        admin = Credential.bearer(http.signIn("admin", DemoAccounts.PASSWORD));
    }

    @Test
    void signedInCallerIsToldWhoTheyAre() {
        Http.Response issued = http.requestToken("jinjiang", DemoAccounts.PASSWORD);

        assertThat(issued.statusCode()).isEqualTo(200);
        JsonNode token = Http.json(issued);
        assertThat(token.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(Instant.parse(token.path("expiresAt").asText())).isAfter(Instant.now());
        JsonNode me = Http.json(http.get("/api/auth/me", Credential.bearer(token.path("accessToken").asText())));
        assertThat(me.path("username").asText()).isEqualTo("jinjiang");
        assertThat(me.path("role").asText()).isEqualTo("SUPERVISOR");
        assertThat(me.path("subjectId").asText()).isEqualTo("S002");
        assertThat(me.path("unit").asText()).isEqualTo("510104");
        assertThat(me.path("channel").asText()).isEqualTo("APP");
        assertThat(me.toString()).doesNotContain("password", "$2a$", "{bcrypt}");
    }

    /**
     * A bearer token or API key is the whole credential: the server keeps no session for such a call. It kept one
     * per call once (30 minutes each): under load the sessions filled the heap (decision 0028).
     */
    @Test
    void aCallWithATokenLeavesNoSessionBehind() {
        Http.Response read = http.get("/api/cases?size=1", admin);
        Http.Response me = http.get("/api/auth/me", admin);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(read.headers().allValues("Set-Cookie")).as("cookies set by a token call").isEmpty();
        assertThat(me.headers().allValues("Set-Cookie")).as("cookies set by a token call").isEmpty();
    }

    @Test
    void wrongPasswordIsAnUnauthorizedProblemThatDoesNotSayWhetherTheAccountExists() {
        String username = newAccount();

        Http.Response wrong = http.requestToken(username, "not the password at all");
        Http.Response unknown = http.requestToken("nobody-" + username, "not the password at all");

        for (Http.Response refused : List.of(wrong, unknown)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
            assertThat(Http.json(refused).path("type").asText()).isEqualTo("/problems/invalid-credentials");
        }
        assertThat(Http.json(wrong).path("detail")).isEqualTo(Http.json(unknown).path("detail"));
    }

    @Test
    void expiredTokenIsRefused() {
        String username = newAccount();
        String token = http.signIn(username, PASSWORD);
        assertThat(http.get("/api/auth/me", Credential.bearer(token)).statusCode()).isEqualTo(200);

        int expired = jdbc.update("update access_token set expires_at = now() - interval '1 second' where token_hash = ?",
                sha256(token));

        assertThat(expired).isEqualTo(1);
        Http.Response refused = http.get("/api/auth/me", Credential.bearer(token));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(Http.json(refused).path("type").asText()).isEqualTo("/problems/invalid-credentials");
    }

    @Test
    void tokenIsStoredOnlyAsItsHash() {
        String username = newAccount();
        String token = http.signIn(username, PASSWORD);

        assertThat(jdbc.queryForList("select token_hash from access_token where username = ?", String.class, username))
                .containsExactly(sha256(token)).doesNotContain(token);
    }

    @Test
    void signedOutTokenIsRefusedWhileOtherTokensOfTheAccountStillWork() {
        String username = newAccount();
        String signedOut = http.signIn(username, PASSWORD);
        String other = http.signIn(username, PASSWORD);

        Http.Response logout = http.send("POST", "/api/auth/logout", Credential.bearer(signedOut), Http.Body.NONE);

        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(http.get("/api/auth/me", Credential.bearer(signedOut)).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/auth/me", Credential.bearer(other)).statusCode()).isEqualTo(200);
    }

    @Test
    void partnerCannotSignOutAnApiKeyButIsToldSoRatherThanFailing() {
        Http.Response created = http.post("/api/admin/api-keys", admin, Map.of("partner", "闪送开放平台"));
        Credential key = Credential.apiKey(Http.json(created).path("apiKey").asText());

        Http.Response withoutHeader = http.send("POST", "/api/auth/logout", key, Http.Body.NONE);
        Http.Response withOtherScheme = http.sendWithHeader("POST", "/api/auth/logout", key, "Authorization", "Basic");

        assertThat(withoutHeader.statusCode()).isEqualTo(400);
        assertThat(withOtherScheme.statusCode()).as(withOtherScheme.body()).isEqualTo(400);
        assertThat(http.get("/api/auth/me", key).statusCode()).as("the key still works").isEqualTo(200);
    }

    @Test
    void unknownTokenIsRefusedRatherThanTreatedAsAnonymous() {
        Http.Response refused = http.post("/api/auth/token", Credential.bearer("gwt_forged"),
                Map.of("username", "admin", "password", DemoAccounts.PASSWORD));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(http.get("/actuator/health", Credential.apiKey("gwk_forged")).statusCode()).isEqualTo(401);
    }

    @Test
    void apiKeyWorksUntilRevoked() {
        Http.Response created = http.post("/api/admin/api-keys", admin, Map.of("partner", "美团开放平台"));
        assertThat(created.statusCode()).isEqualTo(201);
        String keyId = Http.json(created).path("keyId").asText();
        Credential key = Credential.apiKey(Http.json(created).path("apiKey").asText());

        JsonNode partner = Http.json(http.get("/api/auth/me", key));
        assertThat(partner.path("role").asText()).isEqualTo("PARTNER");
        assertThat(partner.path("channel").asText()).isEqualTo("API");
        assertThat(partner.path("subjectId").asText()).isEqualTo("partner:" + keyId);
        Http.Response listed = http.get("/api/admin/api-keys", admin);
        assertThat(listed.body()).contains(keyId).doesNotContain(key.value());

        assertThat(http.send("DELETE", "/api/admin/api-keys/" + keyId, admin, Http.Body.NONE).statusCode()).isEqualTo(204);

        Http.Response refused = http.get("/api/auth/me", key);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(Http.json(refused).path("type").asText()).isEqualTo("/problems/invalid-credentials");
        assertThat(http.send("DELETE", "/api/admin/api-keys/" + keyId, admin, Http.Body.NONE).statusCode()).isEqualTo(404);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightPassword() {
        String username = newAccount();
        String tokenFromBefore = http.signIn(username, PASSWORD);

        for (int attempt = 1; attempt <= 5; attempt++) {
            Http.Response wrong = http.requestToken(username, "wrong password " + attempt);
            assertThat(wrong.statusCode()).as("wrong password #%d", attempt).isEqualTo(401);
        }

        Http.Response right = http.requestToken(username, PASSWORD);
        assertThat(right.statusCode()).isEqualTo(401);
        assertThat(Http.json(right).path("type").asText()).isEqualTo("/problems/account-locked");
        assertThat(right.body()).doesNotContain("accessToken");
        assertThat(http.get("/api/auth/me", Credential.bearer(tokenFromBefore)).statusCode())
                .as("a token issued before the lock").isEqualTo(401);
        assertThat(account(username).path("locked").asBoolean()).isTrue();
    }

    @Test
    void lockedAccountOpensAgainOnceTheLockHasExpired() {
        String username = newAccount();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(http.requestToken(username, "wrong password " + attempt).statusCode()).isEqualTo(401);
        }
        assertThat(Http.json(http.requestToken(username, PASSWORD)).path("type").asText())
                .isEqualTo("/problems/account-locked");

        jdbc.update("update account set locked_until = now() - interval '1 second' where username = ?", username);

        assertThat(http.requestToken(username, PASSWORD).statusCode()).isEqualTo(200);
        assertThat(Http.json(http.requestToken(username, "one more wrong password")).path("type").asText())
                .as("the count starts again after a successful sign-in").isEqualTo("/problems/invalid-credentials");
        assertThat(http.requestToken(username, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void fewerWrongPasswordsThanTheLimitAreForgivenByTheRightOne() {
        String username = newAccount();
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(http.requestToken(username, "wrong password " + attempt).statusCode()).isEqualTo(401);
        }

        assertThat(http.requestToken(username, PASSWORD).statusCode()).isEqualTo(200);
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(http.requestToken(username, "wrong again " + attempt).statusCode()).isEqualTo(401);
        }
        assertThat(http.requestToken(username, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void disabledAccountCannotSignInNorUseItsTokens() {
        String username = newAccount();
        String tokenFromBefore = http.signIn(username, PASSWORD);

        assertThat(http.send("POST", "/api/admin/accounts/" + username + "/disable", admin, Http.Body.NONE).statusCode())
                .isEqualTo(204);

        Http.Response refused = http.requestToken(username, PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(Http.json(refused).path("type").asText()).isEqualTo("/problems/account-disabled");
        assertThat(http.get("/api/auth/me", Credential.bearer(tokenFromBefore)).statusCode()).isEqualTo(401);

        assertThat(http.send("POST", "/api/admin/accounts/" + username + "/enable", admin, Http.Body.NONE).statusCode())
                .isEqualTo(204);
        assertThat(http.requestToken(username, PASSWORD).statusCode()).isEqualTo(200);
    }

    /** A page's session holds who signed in; it reads the account again at each request, so disabling ends it. */
    @Test
    void aDisabledAccountsSessionEndsAtItsNextRequest() throws Exception {
        String username = newAccount();
        Browser pages = signedIn(username);
        Browser api = signedIn(username);
        assertThat(location(pages.get("/"))).endsWith("/rider");
        assertThat(api.send("GET", "/api/auth/me", Map.of()).statusCode()).isEqualTo(200);

        assertThat(http.send("POST", "/api/admin/accounts/" + username + "/disable", admin, Http.Body.NONE)
                .statusCode()).isEqualTo(204);

        assertThat(location(pages.get("/rider/inbox"))).as("the pages ask to sign in again").endsWith("/login");
        assertThat(api.send("GET", "/api/auth/me", Map.of()).statusCode()).as("the API with the session")
                .isEqualTo(401);
    }

    private Browser signedIn(String username) throws Exception {
        Browser browser = new Browser();
        String csrf = csrfTokenIn(browser.get("/login").body());
        assertThat(browser.postForm("/login", Map.of("username", username, "password", PASSWORD, "_csrf", csrf))
                .statusCode()).isEqualTo(302);
        return browser;
    }

    @Test
    void sessionSignInOfThePagesNeedsTheCsrfToken() throws Exception {
        String username = newAccount();
        Browser browser = new Browser();

        HttpResponse<String> loginPage = browser.get("/login");
        assertThat(loginPage.statusCode()).isEqualTo(200);
        String csrf = csrfTokenIn(loginPage.body());

        HttpResponse<String> withoutToken = browser.postForm("/login", Map.of("username", username, "password", PASSWORD));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(location(browser.get("/"))).as("still signed out").endsWith("/login");

        HttpResponse<String> signedIn = browser.postForm("/login",
                Map.of("username", username, "password", PASSWORD, "_csrf", csrf));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(URI.create(signedIn.headers().firstValue("Location").orElseThrow()).getPath()).isEqualTo("/");
        assertThat(location(browser.get("/"))).as("signed in: sent to the rider's start page").endsWith("/rider");
    }

    @Test
    void sessionSignOutNeedsTheCsrfToken() throws Exception {
        String username = newAccount();
        Browser browser = signedIn(username);

        HttpResponse<String> forged = browser.postForm("/logout", Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(location(browser.get("/"))).as("still signed in").endsWith("/rider");

        String afterSignIn = csrfTokenIn(browser.get("/rider/inbox").body());
        HttpResponse<String> signedOut = browser.postForm("/logout", Map.of("_csrf", afterSignIn));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(location(browser.get("/"))).as("signed out").endsWith("/login");
    }

    /**
     * The pages' scripts call the API with the page's session (decision 0026): reading needs nothing more, but a
     * change must carry the session's CSRF token, so another site cannot make a signed-in browser change anything.
     */
    @Test
    void apiTakesThePageSessionButAChangeNeedsItsCsrfToken() throws Exception {
        String username = newAccount();
        Browser browser = signedIn(username);

        HttpResponse<String> me = browser.send("GET", "/api/auth/me", Map.of());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains(username);

        String change = "/api/notifications/00000000-0000-0000-0000-00000000dead/read";
        HttpResponse<String> forged = browser.send("POST", change, Map.of());
        assertThat(forged.statusCode()).as("no CSRF token: refused before the handler").isEqualTo(403);
        assertThat(forged.body()).contains("/problems/");

        String pageToken = csrfTokenIn(browser.get("/rider/inbox").body());
        HttpResponse<String> fromOurPage = browser.send("POST", change, Map.of("X-CSRF-TOKEN", pageToken));
        assertThat(fromOurPage.statusCode()).as("reaches the handler: no such notification").isEqualTo(404);

        Browser stranger = new Browser();
        assertThat(stranger.send("GET", "/api/auth/me", Map.of()).statusCode()).as("no session, no token").isEqualTo(401);
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("a redirect").isEqualTo(302);
        return URI.create(response.headers().firstValue("Location").orElseThrow()).getPath();
    }

    /** Creates a rider account of its own for a test, through the administrators' API. */
    private String newAccount() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String username = "sec-" + suffix;
        Http.Response created = http.post("/api/admin/accounts", admin, Map.of("username", username,
                "password", PASSWORD, "role", "RIDER", "subjectId", "RSEC" + suffix, "displayName", "安全测试 " + suffix));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return username;
    }

    private JsonNode account(String username) {
        for (JsonNode account : Http.json(http.get("/api/admin/accounts", admin))) {
            if (account.path("username").asText().equals(username)) {
                return account;
            }
        }
        throw new AssertionError("no account " + username);
    }

    private static String csrfTokenIn(String html) {
        Matcher field = CSRF_FIELD.matcher(html);
        assertThat(field.find()).as("a _csrf field in %s", html).isTrue();
        return field.group(1);
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A browser as far as the pages care: it keeps cookies, and shows redirects instead of following them. */
    private final class Browser {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
            String form = new LinkedHashMap<>(fields).entrySet().stream()
                    .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                    .collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> send(String method, String path, Map<String, String> headers)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
                    .method(method, HttpRequest.BodyPublishers.noBody());
            headers.forEach(request::header);
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }
}
