package city.gridwhistle.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.IntegrationTest;
import city.gridwhistle.web.demo.DemoAccounts;
import city.gridwhistle.web.security.Http.Credential;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Signing in and being refused: bearer tokens that expire and can be revoked, partner API keys that can be
 * revoked, disabled accounts, and the session sign-in of the pages with its CSRF protection. Accounts that get
 * disabled are created for the test, never the demo accounts. Throttling: {@link SignInThrottlingIntegrationTest}.
 */
@IntegrationTest
class AuthenticationIntegrationTest {

    private static final String PASSWORD = TestAccounts.PASSWORD;

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
    void disabledAccountCannotSignInNorUseItsTokens() {
        String username = newAccount();
        String tokenFromBefore = http.signIn(username, PASSWORD);

        assertThat(http.send("POST", "/api/admin/accounts/" + username + "/disable", admin, Http.Body.NONE).statusCode())
                .isEqualTo(204);

        Http.Response refused = http.requestToken(username, PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(Http.json(refused).path("type").asText()).as("told as a wrong password is")
                .isEqualTo("/problems/invalid-credentials");
        assertThat(http.get("/api/auth/me", Credential.bearer(tokenFromBefore)).statusCode()).isEqualTo(401);

        assertThat(http.send("POST", "/api/admin/accounts/" + username + "/enable", admin, Http.Body.NONE).statusCode())
                .isEqualTo(204);
        assertThat(http.requestToken(username, PASSWORD).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/auth/me", Credential.bearer(tokenFromBefore)).statusCode())
                .as("enabling again does not bring back a token the disabling ended").isEqualTo(401);
    }

    /** A page's session holds who signed in; it reads the account again at each request, so disabling ends it. */
    @Test
    void aDisabledAccountsSessionEndsAtItsNextRequest() {
        String username = newAccount();
        SessionBrowser pages = signedIn(username);
        SessionBrowser api = signedIn(username);
        assertThat(SessionBrowser.location(pages.get("/"))).endsWith("/rider");
        assertThat(api.send("GET", "/api/auth/me", Map.of()).statusCode()).isEqualTo(200);

        assertThat(http.send("POST", "/api/admin/accounts/" + username + "/disable", admin, Http.Body.NONE)
                .statusCode()).isEqualTo(204);

        assertThat(SessionBrowser.location(pages.get("/rider/inbox"))).as("the pages ask to sign in again").endsWith("/login");
        assertThat(api.send("GET", "/api/auth/me", Map.of()).statusCode()).as("the API with the session")
                .isEqualTo(401);
    }

    private SessionBrowser signedIn(String username) {
        return SessionBrowser.signedIn(port, username, PASSWORD);
    }

    @Test
    void sessionSignInOfThePagesNeedsTheCsrfToken() {
        String username = newAccount();
        SessionBrowser browser = new SessionBrowser(port);

        HttpResponse<String> loginPage = browser.get("/login");
        assertThat(loginPage.statusCode()).isEqualTo(200);
        String csrf = SessionBrowser.csrfTokenIn(loginPage.body());

        HttpResponse<String> withoutToken = browser.postForm("/login", Map.of("username", username, "password", PASSWORD));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(SessionBrowser.location(browser.get("/"))).as("still signed out").endsWith("/login");

        HttpResponse<String> signedIn = browser.postForm("/login",
                Map.of("username", username, "password", PASSWORD, "_csrf", csrf));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(URI.create(signedIn.headers().firstValue("Location").orElseThrow()).getPath()).isEqualTo("/");
        assertThat(SessionBrowser.location(browser.get("/"))).as("signed in: sent to the rider's start page").endsWith("/rider");
    }

    @Test
    void sessionSignOutNeedsTheCsrfToken() {
        String username = newAccount();
        SessionBrowser browser = signedIn(username);

        HttpResponse<String> forged = browser.postForm("/logout", Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(SessionBrowser.location(browser.get("/"))).as("still signed in").endsWith("/rider");

        String afterSignIn = SessionBrowser.csrfTokenIn(browser.get("/rider/inbox").body());
        HttpResponse<String> signedOut = browser.postForm("/logout", Map.of("_csrf", afterSignIn));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(SessionBrowser.location(browser.get("/"))).as("signed out").endsWith("/login");
    }

    /**
     * The pages' scripts call the API with the page's session (decision 0026): reading needs nothing more, but a
     * change must carry the session's CSRF token, so another site cannot make a signed-in browser change anything.
     */
    @Test
    void apiTakesThePageSessionButAChangeNeedsItsCsrfToken() {
        String username = newAccount();
        SessionBrowser browser = signedIn(username);

        HttpResponse<String> me = browser.send("GET", "/api/auth/me", Map.of());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains(username);

        String change = "/api/notifications/00000000-0000-0000-0000-00000000dead/read";
        HttpResponse<String> forged = browser.send("POST", change, Map.of());
        assertThat(forged.statusCode()).as("no CSRF token: refused before the handler").isEqualTo(403);
        assertThat(forged.body()).contains("/problems/");

        String pageToken = SessionBrowser.csrfTokenIn(browser.get("/rider/inbox").body());
        HttpResponse<String> fromOurPage = browser.send("POST", change, Map.of("X-CSRF-TOKEN", pageToken));
        assertThat(fromOurPage.statusCode()).as("reaches the handler: no such notification").isEqualTo(404);

        SessionBrowser stranger = new SessionBrowser(port);
        assertThat(stranger.send("GET", "/api/auth/me", Map.of()).statusCode()).as("no session, no token").isEqualTo(401);
    }

    /** Creates a rider account of its own for a test, through the administrators' API. */
    private String newAccount() {
        return new TestAccounts(http, admin).rider();
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
