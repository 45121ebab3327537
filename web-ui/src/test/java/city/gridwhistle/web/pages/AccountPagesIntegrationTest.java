package city.gridwhistle.web.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A forgotten password in a real browser: the administrator resets it on the accounts page and reads the temporary
 * password once; its owner signs in with it, can open nothing but the password page, chooses a new one there and
 * goes on. The password page and the devices page speak both languages with every string and label.
 */
@IntegrationTest
class AccountPagesIntegrationTest {

    private static final String NEW_PASSWORD = "my own new passphrase 7";

    @LocalServerPort
    private int port;
    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcTemplate jdbc;

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    @Test
    void aResetPasswordIsShownOnceAndServesOnlyToChooseANewOne() {
        jdbc.update("delete from sign_in_throttle");
        String rider = "pw-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(new Api(http).as("admin").postForEntity("/api/admin/accounts", Map.of("username", rider,
                "password", "an initial passphrase", "role", "RIDER", "subjectId", "RPW" + rider.substring(3),
                "displayName", "密码测试"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        String temporary;
        try (BrowserContext context = Browser.desktop(baseUrl(), "en")) {
            Page admin = Browser.signIn(context, "admin", "en");
            admin.onDialog(dialog -> dialog.accept());
            admin.navigate("/admin");
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset the password of " + rider))
                    .click();
            assertThat(admin.locator("#reset-secret")).isVisible();
            assertThat(admin.locator("#gw-status")).containsText("The password of " + rider + " was reset");
            temporary = admin.locator("#reset-secret code").textContent().trim();
            assertThat(admin.locator("tr[data-username=" + rider + "]")).containsText("must change password");
        }
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(12);

        try (BrowserContext context = Browser.desktop(baseUrl(), "en")) {
            Page page = context.newPage();
            page.navigate("/login?lang=en");
            page.getByLabel("Username").fill(rider);
            page.getByLabel("Password").fill(temporary);
            page.locator("form.stack button[type=submit]").click();
            page.waitForURL(url -> url.endsWith("/account/password"));
            page.navigate("/rider/reports");
            assertThat(page).hasURL(baseUrl() + "/account/password");

            page.getByLabel("Current password").fill(temporary);
            page.getByLabel("New password").fill("password1234");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
            assertThat(page.locator("p.problem")).hasText("The new password is among the first that guessers try:"
                    + " choose another.");
            assertThat(page.getByLabel("New password")).hasAttribute("aria-invalid", "true");

            page.getByLabel("Current password").fill(temporary);
            page.getByLabel("New password").fill(NEW_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
            assertThat(page.locator("p.ok")).containsText("Your password was changed");
            page.navigate("/rider/reports");
            assertThat(page).hasURL(baseUrl() + "/rider/reports");
        }
    }

    @Test
    void thePasswordAndDevicesPagesSpeakChineseAndEnglishWithEveryString() {
        for (String language : List.of("zh-CN", "en")) {
            for (boolean phone : List.of(true, false)) {
                try (BrowserContext context = phone ? Browser.phone(baseUrl(), language, 30.6, 104.1)
                        : Browser.desktop(baseUrl(), language)) {
                    Page page = Browser.signIn(context, "r042", language);
                    for (String path : List.of("/account/password", "/rider/devices")) {
                        page.navigate(path + "?lang=" + language);
                        Browser.screenshot(page, path.substring(1).replace('/', '-') + "-" + language
                                + (phone ? "-phone" : "-desktop"));
                        assertThat(page.locator("html")).hasAttribute("lang", language);
                        assertThat(page.locator("h1")).isVisible();
                        Browser.assertNoMissingMessages(page);
                        assertThat(page.locator("input:not([type=hidden])").evaluateAll(
                                "els => els.filter(e => !(e.labels && e.labels.length)).map(e => e.id || e.name)"))
                                .as("every field on %s has a label", path).isEqualTo(List.of());
                    }
                }
            }
        }
    }
}
