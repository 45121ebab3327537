package city.gridwhistle.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.IntegrationTest;
import city.gridwhistle.web.demo.DemoAccounts;
import city.gridwhistle.web.security.Http.Credential;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Disabling an account, or changing its role, identity or district, ends its bearer tokens and page sessions at
 * their next request, on every instance. The other instance is played by the test, which changes the account in
 * PostgreSQL behind this instance's back, as another instance (or an operator in psql) would: what this instance
 * answers next can only come from reading the account again, never from anything it kept in memory. Each
 * credential is used many times first, so that any cache would be warm.
 */
@IntegrationTest
class AccountsEndEverywhereIntegrationTest {

    private static final int WARM_UP_CALLS = 20;

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
        admin = Credential.bearer(http.signIn("admin", DemoAccounts.PASSWORD));
        accounts = new TestAccounts(http, admin);
    }

    @Test
    void disablingOnAnotherInstanceEndsTokensAndSessionsHereAtTheirNextRequest() {
        String username = accounts.rider();
        Signed signed = signIn(username);

        changedElsewhere("update account set enabled = false where username = ?", username);

        assertEnded(signed);
        changedElsewhere("update account set enabled = true where username = ?", username);
        assertEnded(signed);
    }

    /**
     * What a grid worker does all day, with a token and with the worker pages' session: read cases, open the worker
     * pages, write with the session's CSRF token. An administrator disables the account: every one of them fails at
     * its next request, the write included, although the page it came from was loaded before.
     */
    @Test
    void aDisabledWorkerCanNeitherReadCasesNorOpenTheWorkerPagesNorWrite() {
        String username = accounts.create("GRID_WORKER", null);
        Signed signed = signIn(username);
        String csrf = SessionBrowser.csrfMetaIn(signed.session().get("/worker").body());
        String write = "/api/cases/GW-no-such-case/notes";
        String note = "{\"note\":\"still here\"}";
        Map<String, String> jsonWithCsrf = Map.of("X-CSRF-TOKEN", csrf, "Content-Type", "application/json");
        assertThat(http.get("/api/cases", signed.token()).statusCode()).as("cases with the token").isEqualTo(200);
        assertThat(signed.session().send("GET", "/api/cases", Map.of()).statusCode()).as("cases with the session")
                .isEqualTo(200);
        assertThat(signed.session().get("/worker").statusCode()).as("the worker page").isEqualTo(200);
        assertThat(signed.session().send("POST", write, jsonWithCsrf, note).statusCode())
                .as("a write reaches its handler (no such case)").isNotIn(401, 403);

        assertThat(http.send("POST", "/api/admin/accounts/" + username + "/disable", admin, Http.Body.NONE)
                .statusCode()).isEqualTo(204);

        assertThat(http.get("/api/cases", signed.token()).statusCode()).as("cases with the token").isEqualTo(401);
        assertThat(signed.session().send("POST", write, jsonWithCsrf, note).statusCode())
                .as("a write with the session and its CSRF token").isEqualTo(401);
        assertThat(SessionBrowser.location(signed.session().get("/worker"))).as("the worker page")
                .endsWith("/login");
        assertThat(signed.session().send("GET", "/api/cases", Map.of()).statusCode()).as("cases with the session")
                .isEqualTo(401);
    }

    /** A token read its account's role afresh and went on under the new one; a session kept the old one. */
    @Test
    void aRoleChangedOnAnotherInstanceEndsTokensAndSessions() {
        String username = accounts.rider();
        Signed signed = signIn(username);

        changedElsewhere("update account set role = 'GRID_WORKER', subject_id = 'W' || subject_id where username = ?",
                username);

        assertEnded(signed);
        assertThat(http.requestToken(username, TestAccounts.PASSWORD).statusCode()).as("signing in again works")
                .isEqualTo(200);
    }

    /** A supervisor moved to another district kept acting for the old one in a page session. */
    @Test
    void aSupervisorMovedToAnotherDistrictMustSignInAgain() {
        String username = accounts.create("SUPERVISOR", "510104");
        Signed signed = signIn(username);

        changedElsewhere("update account set district_code = '510112' where username = ?", username);

        assertEnded(signed);
        String token = http.signIn(username, TestAccounts.PASSWORD);
        assertThat(Http.json(http.get("/api/auth/me", Credential.bearer(token))).path("unit").asText())
                .isEqualTo("510112");
    }

    @Test
    void aChangeThatEndsNothingLeavesTokensAndSessionsAlone() {
        String username = accounts.rider();
        Signed signed = signIn(username);

        changedElsewhere("update account set display_name = '改个名字' where username = ?", username);

        assertThat(http.get("/api/auth/me", signed.token()).statusCode()).isEqualTo(200);
        assertThat(signed.session().send("GET", "/api/auth/me", Map.of()).statusCode()).isEqualTo(200);
    }

    private Signed signIn(String username) {
        Signed signed = new Signed(Credential.bearer(http.signIn(username, TestAccounts.PASSWORD)),
                SessionBrowser.signedIn(port, username, TestAccounts.PASSWORD));
        for (int call = 0; call < WARM_UP_CALLS; call++) {
            assertThat(http.get("/api/auth/me", signed.token()).statusCode()).isEqualTo(200);
            assertThat(signed.session().send("GET", "/api/auth/me", Map.of()).statusCode()).isEqualTo(200);
        }
        return signed;
    }

    private void changedElsewhere(String sql, String username) {
        assertThat(jdbc.update(sql, username)).isEqualTo(1);
    }

    private void assertEnded(Signed signed) {
        assertThat(http.get("/api/auth/me", signed.token()).statusCode()).as("the token").isEqualTo(401);
        assertThat(signed.session().send("GET", "/api/auth/me", Map.of()).statusCode()).as("the session's API call")
                .isEqualTo(401);
    }

    /** A bearer token and a page session of one account. */
    private record Signed(Credential token, SessionBrowser session) {
    }
}
