package city.gridwhistle.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.IntegrationTest;
import city.gridwhistle.web.demo.DemoAccounts;
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
 * A rider's phone stays signed in with a refresh token that is replaced at each use; the rider and administrators
 * list and sign out devices (API and pages); disabling, a reset and the end of all tokens end them like every other
 * credential. Over HTTP, on rider accounts made for the test.
 */
@IntegrationTest
class DeviceSessionsIntegrationTest {

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
    void aRidersDeviceStaysSignedInAndEachRefreshTokenWorksOnce() {
        String rider = accounts.rider();
        JsonNode device = device(rider, "我的手机");
        assertThat(http.get("/api/auth/me", bearer(device)).statusCode()).isEqualTo(200);

        Http.Response refreshed = refresh(device.path("refreshToken").asText());

        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        JsonNode next = Http.json(refreshed);
        assertThat(next.path("deviceId").asText()).isEqualTo(device.path("deviceId").asText());
        assertThat(next.path("refreshToken").asText()).isNotEqualTo(device.path("refreshToken").asText());
        assertThat(http.get("/api/auth/me", bearer(next)).statusCode()).isEqualTo(200);
        assertThat(refresh(device.path("refreshToken").asText()).statusCode()).as("the used refresh token")
                .isEqualTo(401);
        assertThat(refresh(next.path("refreshToken").asText()).statusCode()).as("its replacement").isEqualTo(200);
    }

    @Test
    void onlyRidersDevicesStaySignedIn() {
        String worker = accounts.create("GRID_WORKER", null);
        Http.Response refused = http.post("/api/auth/devices", Credential.NONE,
                Map.of("username", worker, "password", TestAccounts.PASSWORD, "deviceName", "tablet"));
        assertThat(refused.statusCode()).isEqualTo(400);
        Http.Response wrong = http.post("/api/auth/devices", Credential.NONE,
                Map.of("username", accounts.rider(), "password", "not the password at all", "deviceName", "x"));
        assertThat(Http.json(wrong).path("type").asText()).isEqualTo("/problems/invalid-credentials");
    }

    @Test
    void aRiderListsAndSignsOutTheirOwnDevicesAndNoOneElses() {
        String rider = accounts.rider();
        JsonNode phone = device(rider, "phone");
        JsonNode tablet = device(rider, "tablet");
        JsonNode theirs = device(accounts.rider(), "their phone");

        Http.Response listed = http.get("/api/auth/devices", bearer(phone));

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(Http.json(listed).findValuesAsText("deviceName")).containsExactlyInAnyOrder("phone", "tablet");
        assertThat(listed.body()).doesNotContain("gwr_").doesNotContain("gwt_");
        assertThat(http.send("DELETE", "/api/auth/devices/" + theirs.path("deviceId").asText(), bearer(phone),
                Http.Body.NONE).statusCode()).as("another's device").isEqualTo(404);
        assertThat(refresh(theirs.path("refreshToken").asText()).statusCode()).isEqualTo(200);

        assertThat(http.send("DELETE", "/api/auth/devices/" + tablet.path("deviceId").asText(), bearer(phone),
                Http.Body.NONE).statusCode()).isEqualTo(204);

        assertThat(refresh(tablet.path("refreshToken").asText()).statusCode()).as("its refresh token").isEqualTo(401);
        assertThat(http.get("/api/auth/me", bearer(tablet)).statusCode()).as("the token it bought").isEqualTo(401);
        assertThat(http.get("/api/auth/me", bearer(phone)).statusCode()).as("the other device").isEqualTo(200);
    }

    @Test
    void administratorsListAndSignOutARidersDevices() {
        String rider = accounts.rider();
        JsonNode phone = device(rider, "lost phone");

        Http.Response listed = http.get("/api/admin/accounts/" + rider + "/devices", admin);
        assertThat(Http.json(listed).findValuesAsText("deviceName")).containsExactly("lost phone");
        assertThat(http.get("/api/admin/accounts/" + rider + "/devices", bearer(phone)).statusCode())
                .as("not for the rider").isEqualTo(403);

        assertThat(http.send("DELETE", "/api/admin/accounts/" + rider + "/devices/"
                + phone.path("deviceId").asText(), admin, Http.Body.NONE).statusCode()).isEqualTo(204);
        assertThat(refresh(phone.path("refreshToken").asText()).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/auth/me", bearer(phone)).statusCode()).isEqualTo(401);
    }

    @Test
    void disablingTheAccountEndsItsDevicesAndEnablingDoesNotBringThemBack() {
        String rider = accounts.rider();
        JsonNode phone = device(rider, "phone");

        assertThat(http.send("POST", "/api/admin/accounts/" + rider + "/disable", admin, Http.Body.NONE)
                .statusCode()).isEqualTo(204);

        assertThat(refresh(phone.path("refreshToken").asText()).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/auth/me", bearer(phone)).statusCode()).isEqualTo(401);
        assertThat(http.send("POST", "/api/admin/accounts/" + rider + "/enable", admin, Http.Body.NONE)
                .statusCode()).isEqualTo(204);
        assertThat(refresh(phone.path("refreshToken").asText()).statusCode()).isEqualTo(401);
        assertThat(Http.json(http.get("/api/admin/accounts/" + rider + "/devices", admin))).isEmpty();
    }

    @Test
    void aPasswordResetEndsTheDevices() {
        String rider = accounts.rider();
        JsonNode phone = device(rider, "phone");

        assertThat(http.send("POST", "/api/admin/accounts/" + rider + "/password-reset", admin, Http.Body.NONE)
                .statusCode()).isEqualTo(200);

        assertThat(refresh(phone.path("refreshToken").asText()).statusCode()).isEqualTo(401);
    }

    @Test
    void theRiderAndTheAdministratorSignADeviceOutOnTheirPages() {
        String rider = accounts.rider();
        JsonNode phone = device(rider, "旧手机");
        JsonNode tablet = device(rider, "平板");
        SessionBrowser riderPages = SessionBrowser.signedIn(port, rider, TestAccounts.PASSWORD);

        HttpResponse<String> page = riderPages.get("/rider/devices");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("旧手机").contains("平板").doesNotContain("gwr_");
        HttpResponse<String> signedOut = riderPages.postForm("/rider/devices/" + phone.path("deviceId").asText()
                + "/revoke", Map.of("_csrf", SessionBrowser.csrfTokenIn(page.body())));
        assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/rider/devices?revoked");
        assertThat(refresh(phone.path("refreshToken").asText()).statusCode()).isEqualTo(401);

        SessionBrowser adminPages = SessionBrowser.signedIn(port, "admin", DemoAccounts.PASSWORD);
        HttpResponse<String> adminPage = adminPages.get("/admin/accounts/" + rider + "/devices");
        assertThat(adminPage.statusCode()).isEqualTo(200);
        assertThat(adminPage.body()).contains("平板").doesNotContain("旧手机");
        adminPages.postForm("/admin/accounts/" + rider + "/devices/" + tablet.path("deviceId").asText() + "/revoke",
                Map.of("_csrf", SessionBrowser.csrfTokenIn(adminPage.body())));
        assertThat(refresh(tablet.path("refreshToken").asText()).statusCode()).isEqualTo(401);
        assertThat(riderPages.get("/rider/devices").body()).doesNotContain("平板");
    }

    private JsonNode device(String username, String name) {
        Http.Response signedIn = http.post("/api/auth/devices", Credential.NONE,
                Map.of("username", username, "password", TestAccounts.PASSWORD, "deviceName", name));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        return Http.json(signedIn);
    }

    private Http.Response refresh(String refreshToken) {
        return http.post("/api/auth/devices/refresh", Credential.NONE, Map.of("refreshToken", refreshToken));
    }

    private static Credential bearer(JsonNode issued) {
        return Credential.bearer(issued.path("accessToken").asText());
    }
}
