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
