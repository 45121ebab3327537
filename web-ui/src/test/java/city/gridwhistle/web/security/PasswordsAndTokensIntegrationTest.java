package city.gridwhistle.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.IntegrationTest;
import city.gridwhistle.web.security.Http.Credential;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everyone changes their own password (the current one and a new one that keeps the policy); an administrator's
 * reset hands out a temporary password that serves only to choose a new one; tokens and API keys expire and are
 * listed, a user's own tokens for the user, everyone's for administrators. All over HTTP, on accounts made for the
 * test.
 */
@IntegrationTest
class PasswordsAndTokensIntegrationTest {

    private static final String NEW_PASSWORD = "a brand new passphrase 42";

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;

    private Http http;
    private Credential admin;
    private TestAccounts accounts;

    @BeforeEach
    void signInTheAdministrator() {
        http = new Http(port);
        accounts = TestAccounts.signedInAdministrator(http, jdbc);
        admin = accounts.admin();
    }

    @Test
    void changingOnesPasswordKeepsThisTokenAndEndsEveryOther() {
        String username = accounts.rider();
        Credential mine = Credential.bearer(http.signIn(username, TestAccounts.PASSWORD));
        Credential elsewhere = Credential.bearer(http.signIn(username, TestAccounts.PASSWORD));
        SessionBrowser page = SessionBrowser.signedIn(port, username, TestAccounts.PASSWORD);

        Http.Response changed = change(mine, TestAccounts.PASSWORD, NEW_PASSWORD);

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        assertThat(http.get("/api/auth/me", mine).statusCode()).as("the token that changed it").isEqualTo(200);
        assertThat(http.get("/api/auth/me", elsewhere).statusCode()).as("another token").isEqualTo(401);
        assertThat(page.send("GET", "/api/auth/me", Map.of()).statusCode()).as("a page's session").isEqualTo(401);
        assertThat(http.requestToken(username, TestAccounts.PASSWORD).statusCode()).as("the old password")
                .isEqualTo(401);
        assertThat(http.requestToken(username, NEW_PASSWORD).statusCode()).as("the new one").isEqualTo(200);
    }

    @Test
    void aWrongCurrentPasswordOrABadNewOneIsRefusedNamingTheField() {
        String username = accounts.rider();
        Credential mine = Credential.bearer(http.signIn(username, TestAccounts.PASSWORD));

        assertProblem(change(mine, "not my password at all", NEW_PASSWORD), "wrong-password", "currentPassword", null);
        assertProblem(change(mine, TestAccounts.PASSWORD, "short"), "password-rejected", "newPassword", "too-short");
        assertProblem(change(mine, TestAccounts.PASSWORD, username.toUpperCase()), "password-rejected",
                "newPassword", username.length() >= PasswordPolicy.MIN_LENGTH ? "username" : "too-short");
        assertProblem(change(mine, TestAccounts.PASSWORD, "password1234"), "password-rejected", "newPassword",
                "common");
        assertProblem(change(mine, TestAccounts.PASSWORD, TestAccounts.PASSWORD), "password-rejected",
                "newPassword", "unchanged");

        assertThat(http.requestToken(username, TestAccounts.PASSWORD).statusCode()).as("nothing changed")
                .isEqualTo(200);
        assertThat(http.get("/api/auth/me", mine).statusCode()).isEqualTo(200);
    }

    @Test
    void theUsernameIsRefusedAsAPassword() {
        String username = accounts.rider() + "-long-name";
        Http.Response created = http.post("/api/admin/accounts", admin, Map.of("username", username,
                "password", username, "role", "RIDER", "subjectId", "RPW" + username.hashCode(),
                "displayName", "name as password"));
        assertProblem(created, "password-rejected", "password", "username");
    }

    @Test
    void aResetEndsEverythingAndTheTemporaryPasswordServesOnlyToChooseANewOne() {
        String username = accounts.create("GRID_WORKER", null);
        Credential before = Credential.bearer(http.signIn(username, TestAccounts.PASSWORD));
        SessionBrowser pageBefore = SessionBrowser.signedIn(port, username, TestAccounts.PASSWORD);

        Http.Response reset = http.send("POST", "/api/admin/accounts/" + username + "/password-reset", admin,
                Http.Body.NONE);

        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        assertThat(reset.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        String temporary = Http.json(reset).path("temporaryPassword").asText();
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(PasswordPolicy.MIN_LENGTH);
        assertThat(http.get("/api/auth/me", before).statusCode()).as("a token from before").isEqualTo(401);
        assertThat(SessionBrowser.location(pageBefore.get("/worker"))).as("a session from before").endsWith("/login");
        assertThat(http.requestToken(username, TestAccounts.PASSWORD).statusCode()).as("the old password")
                .isEqualTo(401);

        Credential temporaryToken = Credential.bearer(http.signIn(username, temporary));
        Http.Response cases = http.get("/api/cases", temporaryToken);
        assertThat(cases.statusCode()).isEqualTo(403);
        assertThat(Http.json(cases).path("type").asText()).isEqualTo("/problems/password-change-required");
        SessionBrowser page = SessionBrowser.signedIn(port, username, temporary);
        assertThat(SessionBrowser.location(page.get("/worker"))).as("the pages lead to the password page")
                .isEqualTo(PasswordChangeGate.PAGE);
        assertThat(page.get(PasswordChangeGate.PAGE).statusCode()).isEqualTo(200);

        HttpResponse<String> chosen = page.postForm(PasswordChangeGate.PAGE, Map.of("currentPassword", temporary,
                "newPassword", NEW_PASSWORD, "_csrf", SessionBrowser.csrfTokenIn(page.get(PasswordChangeGate.PAGE)
                        .body())));

        assertThat(SessionBrowser.location(chosen)).isEqualTo(PasswordChangeGate.PAGE);
        assertThat(page.get("/worker").statusCode()).as("the page's session goes on, the gate open").isEqualTo(200);
        assertThat(http.get("/api/cases", temporaryToken).statusCode()).as("the temporary token ended")
                .isEqualTo(401);
        assertThat(http.get("/api/cases", Credential.bearer(http.signIn(username, NEW_PASSWORD))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void thePasswordPageSaysWhichRuleANewPasswordBreaks() {
        String username = accounts.rider();
        SessionBrowser page = SessionBrowser.signedIn(port, username, TestAccounts.PASSWORD);

        HttpResponse<String> refused = page.postForm(PasswordChangeGate.PAGE, Map.of("currentPassword",
                TestAccounts.PASSWORD, "newPassword", "qwertyuiop123", "_csrf",
                SessionBrowser.csrfTokenIn(page.get(PasswordChangeGate.PAGE).body())));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"password-problem\"").contains("aria-invalid=\"true\"");
        assertThat(http.requestToken(username, TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aUserListsAndRevokesTheirOwnTokensAndNoOneElses() {
        String username = accounts.rider();
        String other = accounts.rider();
        Credential mine = Credential.bearer(http.signIn(username, TestAccounts.PASSWORD));
        Credential second = Credential.bearer(http.signIn(username, TestAccounts.PASSWORD));
        Credential theirs = Credential.bearer(http.signIn(other, TestAccounts.PASSWORD));

        JsonNode listed = Http.json(http.get("/api/auth/tokens", mine));

        assertThat(listed).hasSize(2);
        assertThat(listed.toString()).doesNotContain(mine.value().substring("Bearer ".length()))
                .doesNotContain("gwt_");
        String current = currentOf(listed);
        String notCurrent = null;
        for (JsonNode token : listed) {
            assertThat(token.path("expiresAt").asText()).isNotEmpty();
            if (!token.path("tokenId").asText().equals(current)) {
                notCurrent = token.path("tokenId").asText();
            }
        }
        assertThat(notCurrent).isNotNull();
        String theirId = currentOf(Http.json(http.get("/api/auth/tokens", theirs)));

        assertThat(http.send("DELETE", "/api/auth/tokens/" + theirId, mine, Http.Body.NONE).statusCode())
                .as("another's token").isEqualTo(404);
        assertThat(http.get("/api/auth/me", theirs).statusCode()).isEqualTo(200);
        assertThat(http.send("DELETE", "/api/auth/tokens/" + notCurrent, mine, Http.Body.NONE).statusCode())
                .isEqualTo(204);
        assertThat(http.get("/api/auth/me", second).statusCode()).as("the revoked one").isEqualTo(401);
        assertThat(http.get("/api/auth/me", mine).statusCode()).as("this one").isEqualTo(200);
    }

    @Test
    void administratorsListAnAccountsTokensAndEndThem() {
        String username = accounts.rider();
        Credential token = Credential.bearer(http.signIn(username, TestAccounts.PASSWORD));

        Http.Response listed = http.get("/api/admin/accounts/" + username + "/tokens", admin);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(Http.json(listed)).hasSize(1);
        assertThat(http.get("/api/admin/accounts/" + username + "/tokens", token).statusCode())
                .as("not for a rider").isEqualTo(403);

        assertThat(http.send("DELETE", "/api/admin/accounts/" + username + "/tokens", admin, Http.Body.NONE)
                .statusCode()).isEqualTo(204);
        assertThat(http.get("/api/auth/me", token).statusCode()).isEqualTo(401);
        assertThat(Http.json(http.get("/api/admin/accounts/" + username + "/tokens", admin))).isEmpty();
    }

    @Test
    void apiKeysExpireAndSayWhenTheyWereLastUsed() {
        Http.Response created = http.post("/api/admin/api-keys", admin, Map.of("partner", "expiry-test",
                "validDays", 3));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode key = Http.json(created);
        Credential partner = Credential.apiKey(key.path("apiKey").asText());
        assertThat(key.path("expiresAt").asText()).isNotEmpty();
        assertThat(http.get("/api/cases", partner).statusCode()).isEqualTo(200);
        JsonNode listed = listedKey(key.path("keyId").asText());
        assertThat(listed.path("expiresAt").asText()).isNotEmpty();
        assertThat(listed.path("lastUsedAt").asText()).as("used just now").isNotEmpty();

        jdbc.update("update api_key set expires_at = now() - interval '1 second' where key_id = ?",
                key.path("keyId").asText());

        assertThat(http.get("/api/cases", partner).statusCode()).as("expired").isEqualTo(401);
        assertThat(http.post("/api/admin/api-keys", admin, Map.of("partner", "too-long", "validDays", 100_000))
                .statusCode()).isEqualTo(400);
    }

    private JsonNode listedKey(String keyId) {
        for (JsonNode key : Http.json(http.get("/api/admin/api-keys", admin))) {
            if (key.path("keyId").asText().equals(keyId)) {
                return key;
            }
        }
        throw new AssertionError("no key " + keyId);
    }

    private static String currentOf(JsonNode listed) {
        for (JsonNode token : listed) {
            if (token.path("current").asBoolean()) {
                return token.path("tokenId").asText();
            }
        }
        throw new AssertionError("no current token in " + listed);
    }

    private Http.Response change(Credential credential, String current, String next) {
        return http.post("/api/auth/password", credential, Map.of("currentPassword", current, "newPassword", next));
    }

    private static void assertProblem(Http.Response response, String type, String field, String rule) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = Http.json(response);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/" + type);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo(field);
        if (rule != null) {
            assertThat(problem.path("rule").asText()).isEqualTo(rule);
        }
    }
}
