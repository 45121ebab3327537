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
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole loop, by three people in three browsers: a rider on a phone files a report with a photo where they
 * stand; the grid worker, whose inbox is open, sees it arrive, accepts, starts and resolves it with a photo; the
 * rider confirms the fix; the district supervisor watches the closed figure move and audits the case's timeline.
 * 书房社区03网格 (龙泉驿) is W009's alone; R019 and W009 belong to this test.
 */
@IntegrationTest
class ClosedLoopInTheBrowserIntegrationTest {

    private static final double[] SHUFANG_03 = {30.5951, 104.26306};

    @LocalServerPort
    private int port;
    @Autowired
    private TestRestTemplate http;

    @Test
    void aReportGoesFromARidersPhoneThroughTheWorkerBackToTheRiderAndIntoTheSupervisorsFigures() {
        String base = "http://localhost:" + port;
        try (BrowserContext riderPhone = Browser.phone(base, "zh-CN", SHUFANG_03[0], SHUFANG_03[1]);
             BrowserContext workerDesk = Browser.desktop(base, "zh-CN");
             BrowserContext supervisorDesk = Browser.desktop(base, "zh-CN")) {

            Page supervisor = Browser.signIn(supervisorDesk, "longquanyi", "zh-CN");
            Locator closedFigure = supervisor.locator("[data-figure=closed] b");
            assertThat(closedFigure).hasText(Pattern.compile("^\\d+$"));
            int closedBefore = Integer.parseInt(closedFigure.textContent().trim());

            Page worker = Browser.signIn(workerDesk, "w009", "zh-CN");
            assertThat(worker.locator("h1")).hasText("我的案件");

            // the rider files where the phone is, with a photo
            Page rider = Browser.signIn(riderPhone, "r019", "zh-CN");
            assertThat(rider.locator("#where-text")).containsText("30.5951");
            rider.locator("#photo").setInputFiles(new FilePayload("tree.png", "image/png", Pictures.png(Color.GREEN)));
            rider.locator("label[for=cat-E0404]").click();
            rider.locator("#description").fill("大树倒伏挡住非机动车道 loopzq19");
            rider.locator("#submit").click();
            assertThat(rider.locator("#receipt")).containsText("上报已受理");
            Browser.screenshot(rider, "loop-1-rider-filed");
            rider.locator("#receipt a").click();
            assertThat(rider.locator("h1")).hasText("倒伏树木");
            String caseId = rider.url().replaceAll(".*/rider/cases/([^?]+).*", "$1");

            // the worker sees it arrive without reloading, and works it
            Locator row = worker.locator("#worker-cases tr[data-case='" + caseId + "']");
            assertThat(row).isVisible();
            Browser.screenshot(worker, "loop-2-worker-inbox");
            row.locator("a.title").click();
            worker.locator("#action-accept").click();
            assertThat(worker.locator("#case-status")).hasText("处置中");
            String version = worker.locator("#case-detail").getAttribute("data-version");
            worker.locator("#action-start").click();
            assertThat(worker.locator("#case-detail:not([data-version='" + version + "'])")).isVisible();
            worker.locator("#resolve-note").fill("倒伏树木已清理，车道恢复通行");
            worker.locator("#resolve-photo").setInputFiles(new FilePayload("cleared.png", "image/png",
                    Pictures.png(Color.LIGHT_GRAY)));
            worker.locator("#form-resolve button[type=submit]").click();
            assertThat(worker.locator("#case-status")).hasText("已处置待核查");
            Browser.screenshot(worker, "loop-3-worker-resolved");

            // the rider is asked, and confirms the fix
            rider.navigate("/rider/inbox");
            Locator ask = rider.locator("li[data-notification] a.button.primary[href$='" + caseId + "']");
            assertThat(ask).isVisible();
            Browser.screenshot(rider, "loop-4-rider-inbox");
            ask.first().click();
            assertThat(rider.locator("#confirm")).isVisible();
            assertThat(rider.locator("img[alt='处置后的照片']")).isVisible();
            rider.locator("#confirm button[data-fixed=true]").click();
            assertThat(rider.locator("#case-status")).hasText("已结案");
            Browser.screenshot(rider, "loop-5-rider-confirmed");
            JsonNode closed = new Api(http).awaitStatus(caseId, "CLOSED");
            assertThat(closed.path("workerId").asText()).isEqualTo("W009");

            // the supervisor's closed figure moves (the page refreshes itself on the dashboard stream; looking again
            // covers a refresh that landed before the index had the closing), and the timeline tells the whole story
            org.awaitility.Awaitility.await().atMost(Api.READ_MODEL_WITHIN).pollInterval(java.time.Duration.ofSeconds(3))
                    .until(() -> {
                        if (Integer.parseInt(closedFigure.textContent().trim()) > closedBefore) {
                            return true;
                        }
                        supervisor.reload();
                        return Integer.parseInt(closedFigure.textContent().trim()) > closedBefore;
                    });
            Browser.screenshot(supervisor, "loop-6-supervisor-dashboard");
            supervisor.navigate("/supervisor/cases/" + caseId);
            int events = new Api(http).get("/api/cases/" + caseId + "/history").path("entries").size();
            assertThat(supervisor.locator("#timeline li")).hasCount(events);
            assertThat(supervisor.locator("#timeline")).containsText("倒伏树木已清理");
            assertThat(supervisor.locator("#verification")).hasText(Pattern.compile("防篡改校验通过"));
            assertThat(supervisor.locator("#case-status")).hasText("已结案");
            Browser.assertNoMissingMessages(supervisor);
            Browser.screenshot(supervisor, "loop-7-supervisor-audit");
        }
    }
}
