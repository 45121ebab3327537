package city.gridwhistle.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.IntegrationTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sign-in page in both languages, a refused password, and each role landing on its own start page. */
@IntegrationTest
class SignInPageIntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void signInPageSpeaksChineseByDefaultAndEnglishWhenAsked() {
        try (BrowserContext context = Browser.desktop("http://localhost:" + port, "en-US")) {
            Page page = context.newPage();
            page.navigate("/login");
            assertThat(page.locator("h1").textContent()).isEqualTo("登录网格吹哨");
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("zh-CN");
            Browser.assertNoMissingMessages(page);
            Browser.screenshot(page, "login-zh");

            page.getByText("English").click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Sign in to GridWhistle");
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
            Browser.assertNoMissingMessages(page);
            Browser.screenshot(page, "login-en");

            page.navigate("/login");
            assertThat(page.locator("h1").textContent()).as("the choice is remembered").isEqualTo("Sign in to GridWhistle");
        }
    }

    /** A phone fetches the scripts and styles once: they are linked by content hash and kept for a year. */
    @Test
    void scriptsAndStylesAreLinkedByContentHashAndCachedLong() {
        var http = new org.springframework.boot.test.web.client.TestRestTemplate();
        String login = http.getForObject("http://localhost:" + port + "/login", String.class);
        var css = java.util.regex.Pattern.compile("href=\"(/css/gw-[0-9a-f]{32}\\.css)\"").matcher(login);
        var icon = java.util.regex.Pattern.compile("href=\"(/img/whistle-[0-9a-f]{32}\\.svg)\"").matcher(login);
        assertThat(css.find()).as("hashed stylesheet link in %s", login).isTrue();
        assertThat(icon.find()).as("hashed icon link").isTrue();
        for (String path : new String[] {css.group(1), icon.group(1), "/webjars/htmx.org/dist/htmx.min.js"}) {
            var response = http.getForEntity("http://localhost:" + port + path, byte[].class);
            assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
            assertThat(response.getHeaders().getCacheControl()).as(path).contains("max-age=31536000");
        }
    }

    @Test
    void aWrongPasswordIsRefusedOnThePage() {
        try (BrowserContext context = Browser.desktop("http://localhost:" + port, "zh-CN")) {
            Page page = context.newPage();
            page.navigate("/login");
            page.getByLabel("用户名").fill("r018");
            page.getByLabel("密码").fill("not-the-password");
            page.locator("form.stack button[type=submit]").click();
            page.waitForURL(url -> url.contains("error"));
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT).textContent()).contains("用户名或密码错误");
        }
    }

    @Test
    void everyRoleLandsOnItsOwnStartPage() {
        for (String[] user : new String[][] {{"r018", "/rider"}, {"w003", "/worker"}, {"supervisor", "/supervisor"},
                {"admin", "/admin"}}) {
            try (BrowserContext context = Browser.desktop("http://localhost:" + port, "zh-CN")) {
                Page page = Browser.signIn(context, user[0], "zh-CN");
                assertThat(page.url()).as(user[0]).endsWith(user[1]);
            }
        }
    }
}
