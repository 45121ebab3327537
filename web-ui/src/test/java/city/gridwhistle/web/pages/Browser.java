package city.gridwhistle.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.web.demo.DemoAccounts;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.Geolocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Debian's chromium, driven by Playwright: started once per test JVM, a fresh context (cookies, storage) per user.
 * Every page a test visits can be kept as a screenshot under {@code target/screenshots}.
 */
public final class Browser {

    public static final String CHROMIUM = System.getProperty("gridwhistle.chromium", "/usr/bin/chromium");
    /** A small phone: the width the rider pages are made for. */
    public static final int PHONE_WIDTH = 360;
    public static final int PHONE_HEIGHT = 740;

    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic");

    private static Playwright playwright;
    private static com.microsoft.playwright.Browser chromium;

    private Browser() {
    }

    private static synchronized com.microsoft.playwright.Browser chromium() {
        if (chromium == null) {
            assertThat(Paths.get(CHROMIUM)).as("chromium (apt-get install chromium)").exists();
            // read models are eventually consistent: page assertions wait as long as the API helper does
            PlaywrightAssertions.setDefaultAssertionTimeout(city.gridwhistle.Api.READ_MODEL_WITHIN.toMillis());
            playwright = Playwright.create();
            chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get(CHROMIUM)).setHeadless(true).setArgs(FLAGS));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                chromium.close();
                playwright.close();
            }, "playwright-close"));
        }
        return chromium;
    }

    /** A desktop-sized context in the given language ("zh-CN" or "en"). */
    public static BrowserContext desktop(String baseUrl, String language) {
        return context(new NewContextOptions().setBaseURL(baseUrl).setViewportSize(1280, 900).setLocale(language)
                .setTimezoneId("Asia/Shanghai"));
    }

    /** A phone in a rider's hand, standing at the given place, with the location permission granted. */
    public static BrowserContext phone(String baseUrl, String language, double lat, double lon) {
        return context(new NewContextOptions().setBaseURL(baseUrl).setViewportSize(PHONE_WIDTH, PHONE_HEIGHT)
                .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true).setLocale(language)
                .setTimezoneId("Asia/Shanghai").setGeolocation(new Geolocation(lat, lon))
                .setPermissions(List.of("geolocation")));
    }

    private static synchronized BrowserContext context(NewContextOptions options) {
        BrowserContext context = chromium().newContext(options);
        context.setDefaultTimeout(20_000);
        return context;
    }

    /** Signs in through the sign-in form; lands on the user's start page. */
    public static Page signIn(BrowserContext context, String username, String language) {
        Page page = context.newPage();
        page.navigate("/login?lang=" + language);
        page.getByLabel(language.startsWith("en") ? "Username" : "用户名").fill(username);
        page.getByLabel(language.startsWith("en") ? "Password" : "密码").fill(DemoAccounts.PASSWORD);
        page.locator("form.stack button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }

    /** Keeps a full-page screenshot as a test artifact: target/screenshots/{name}.png. */
    public static Path screenshot(Page page, String name) {
        Path dir = Paths.get(System.getProperty("gridwhistle.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path file = dir.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** No message key left unresolved on the page (Thymeleaf writes a missing one as ??key_locale??). */
    public static void assertNoMissingMessages(Page page) {
        assertThat(page.content()).as("missing message keys on %s", page.url()).doesNotContainPattern("\\?\\?[\\w.]+_[\\w-]*\\?\\?");
    }
}
