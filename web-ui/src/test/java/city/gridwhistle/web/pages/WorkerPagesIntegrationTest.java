package city.gridwhistle.web.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A grid worker works a case in the browser: it appears in their inbox live, they accept it, start and resolve it
 * with an after-photo, and the read model follows; the pages speak Chinese and English. W024 alone answers for
 * 南街社区04网格 (蒲江), which no other test uses; the reporter is R020.
 */
@IntegrationTest
class WorkerPagesIntegrationTest {

    /** Inside 南街社区04网格. */
    static final double[] NANJIE_04 = {30.196574, 103.507559};

    @LocalServerPort
    private int port;

    @Autowired
    private TestRestTemplate http;

    @Test
    void aWorkerSeesANewCaseLiveAcceptsStartsAndResolvesItWithAPhoto() {
        Api api = new Api(http);
        try (BrowserContext context = Browser.desktop("http://localhost:" + port, "zh-CN")) {
            Page page = Browser.signIn(context, "w024", "zh-CN");
            assertThat(page.locator("h1")).hasText("我的案件");
            assertThat(page.locator("#duty-state")).hasText("在岗");

            String caseId = api.fileCase("C0202", NANJIE_04, "南街社区路口交通标志牌被撞倒 workerpage", "r020");
            Locator row = page.locator("#worker-cases tr[data-case='" + caseId + "']");
            assertThat(row).isVisible();
            assertThat(row.locator(".badge").first()).hasText("已派遣");
            assertThat(row.locator(".due")).hasAttribute("data-due", java.util.regex.Pattern.compile(".+"));
            Browser.assertNoMissingMessages(page);
            Browser.screenshot(page, "worker-inbox-zh");

            row.locator("a.title").click();
            assertThat(page.locator("#case-status")).hasText("已派遣");
            Browser.assertNoMissingMessages(page);
            Browser.screenshot(page, "worker-case-zh");

            page.locator("#action-accept").click();
            assertThat(page.locator("#case-status")).hasText("处置中");
            String version = page.locator("#case-detail").getAttribute("data-version");
            page.locator("#action-start").click();
            assertThat(page.locator("#case-detail:not([data-version='" + version + "'])")).isVisible();

            page.locator("#resolve-note").fill("标志牌已扶正加固");
            page.locator("#resolve-photo").setInputFiles(new FilePayload("after.png", "image/png", Pictures.png(new Color(0x1a6b35))));
            page.locator("#form-resolve button[type=submit]").click();
            assertThat(page.locator("#case-status")).hasText("已处置待核查");
            assertThat(page.locator("img[alt='处置后的照片']")).isVisible();
            Browser.screenshot(page, "worker-case-resolved-zh");

            JsonNode resolved = api.awaitStatus(caseId, "RESOLVED");
            assertThat(resolved.path("workerId").asText()).isEqualTo("W024");
            assertThat(resolved.path("resolutionPhotoHashes").size()).isEqualTo(1);
            assertThat(resolved.path("statusNote").asText()).isEqualTo("标志牌已扶正加固");
            JsonNode history = api.get("/api/cases/" + caseId + "/history");
            assertThat(history.path("entries").findValuesAsText("eventType"))
                    .contains("CaseAcceptedEvent", "CaseWorkStartedEvent", "CaseResolvedEvent");

            page.navigate("/worker/map");
            assertThat(page.locator("#map-cases li[data-lat]").first()).isVisible();
            assertThat(page.locator("#worker-map path.leaflet-interactive").first()).isVisible();
            Browser.assertNoMissingMessages(page);
            Browser.screenshot(page, "worker-map-zh");
        }
    }

    @Test
    void aWorkerGoesOffDutyAndBackAndEveryPageSpeaksEnglish() {
        try (BrowserContext context = Browser.desktop("http://localhost:" + port, "en")) {
            Page page = Browser.signIn(context, "w024", "en");
            assertThat(page.locator("h1")).hasText("My cases");
            Browser.assertNoMissingMessages(page);
            Browser.screenshot(page, "worker-inbox-en");

            page.locator("#duty-toggle").click();
            assertThat(page.locator("#duty-state")).hasText("Off duty");
            page.locator("#duty-toggle").click();
            assertThat(page.locator("#duty-state")).hasText("On duty");

            page.navigate("/worker/map");
            assertThat(page.locator("h1")).hasText("My cells");
            assertThat(page.locator("#worker-map path.leaflet-interactive").first()).isVisible();
            Browser.assertNoMissingMessages(page);
            Browser.screenshot(page, "worker-map-en");

            Api api = new Api(http);
            String caseId = api.fileCase("C0204", NANJIE_04, "南街社区公交候车亭顶棚破损 bus shelter roof broken", "r020");
            api.awaitStatus(caseId, "DISPATCHED");
            page.navigate("/worker/cases/" + caseId);
            assertThat(page.locator("#case-status")).hasText("Dispatched");
            assertThat(page.locator("#action-accept")).hasText("Accept");
            assertThat(page.locator("#form-transfer label[for=transfer-cell]")).hasText("To cell");
            Browser.assertNoMissingMessages(page);
            Browser.screenshot(page, "worker-case-en");
        }
    }
}
