package city.gridwhistle.web.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supervisor's pages in the browser: the dashboard's charts and figures, a search with filters, a case's audit
 * timeline with its state as of an earlier moment and its chain verified, escalating from the page, the queues;
 * in Chinese and English. Cases are filed by R021 and R022 in 南街社区05网格 (W024) and 南街社区01网格 (W027,
 * off duty, so the case awaits a supervisor), which no other test counts on.
 */
@IntegrationTest
class SupervisorPagesIntegrationTest {

    /** Inside 南街社区05网格. */
    static final double[] NANJIE_05 = {30.197449, 103.504423};
    /** Inside 南街社区01网格, whose only worker is off duty. */
    static final double[] NANJIE_01 = {30.196547, 103.504453};

    @LocalServerPort
    private int port;

    @Autowired
    private TestRestTemplate http;

    @Test
    void aSupervisorFindsACaseAuditsItAsOfEarlierEscalatesItAndSeesItQueued() {
        Api api = new Api(http);
        String caseId = api.fileCase("C0302", NANJIE_05, "南街社区垃圾箱破损倾倒 auditpage", "r021");
        api.awaitStatus(caseId, "DISPATCHED");
        api.done(caseId, "accept", "w024", Map.of());
        api.awaitStatus(caseId, "IN_PROGRESS");
        String waiting = api.fileCase("E0503", NANJIE_01, "南街社区路口占道经营 queuepage", "r022");
        api.awaitCase(waiting, c -> c.path("awaitingSupervisor").asBoolean());

        try (BrowserContext context = Browser.desktop("http://localhost:" + port, "zh-CN")) {
            Page page = Browser.signIn(context, "supervisor", "zh-CN");
            // the dashboard: figures and charts
            assertThat(page.locator("h1")).hasText("绩效看板");
            assertThat(page.locator("[data-figure=reported] b")).hasText(Pattern.compile("^[1-9]\\d*$"));
            assertThat(page.locator("#ranking tbody tr").first()).isVisible();
            for (String chart : new String[] {"chart-trend", "chart-category", "chart-unit"}) {
                assertThat(page.locator("#" + chart)).isVisible();
                page.waitForFunction("id => window.Chart && Chart.getChart(id) && Chart.getChart(id).data.datasets.length > 0",
                        chart);
            }
            assertThat(page.locator("#heatmap path.leaflet-interactive").first()).isAttached();
            Browser.assertNoMissingMessages(page);
            Browser.screenshot(page, "supervisor-dashboard-zh");

            // search with filters
            page.navigate("/supervisor/cases");
            page.locator("#q").fill("auditpage");
            page.locator("#status-IN_PROGRESS").check();
            page.locator(".search-form summary").click();
            page.locator("#category").selectOption("C0302");
            page.locator("#cell").selectOption("51013100100105");
            page.locator("#awaitingSupervisor").selectOption("false");
            page.locator(".search-form button[type=submit]").click();
            Locator found = page.locator("#results tr[data-case='" + caseId + "']");
            assertThat(found).isVisible();
            assertThat(page.locator("#result-count")).hasText("共找到 1 件");
            assertThat(found.locator(".snippet em")).hasText("auditpage");
            Browser.assertNoMissingMessages(page);
            Browser.screenshot(page, "supervisor-search-zh");

            // the audit timeline, verified, and the state as of the first event
            found.locator("a.title").click();
            int events = api.get("/api/cases/" + caseId + "/history").path("entries").size();
            assertThat(page.locator("#timeline li")).hasCount(events);
            assertThat(page.locator("#verification")).hasText(Pattern.compile("防篡改校验通过"));
            assertThat(page.locator("#case-status")).hasText("处置中");
            page.locator("#as-of").focus();
            page.keyboard().press("Home");
            assertThat(page.locator("#as-of-state p.meta")).containsText("第 0 条事件");
            assertThat(page.locator("#as-of-status")).not().hasText("处置中");
            assertThat(page.locator("#timeline li.later")).hasCount(events - 1);
            Browser.assertNoMissingMessages(page);
            Browser.screenshot(page, "supervisor-case-zh");

            // escalate from the page; the page shows the new state and entry once recorded
            page.locator("#escalate-reason").fill("群众多次反映，督办");
            page.locator("#form-escalate button[type=submit]").click();
            assertThat(page.locator("#case-detail .badge.bad")).hasText("已督办");
            assertThat(page.locator("#timeline li")).hasCount(events + 1);

            // the queues
            page.navigate("/supervisor/queues?queue=escalated");
            assertThat(page.locator("#queue-list tr[data-case='" + caseId + "']")).isVisible();
            Browser.assertNoMissingMessages(page);
            Browser.screenshot(page, "supervisor-queue-escalated-zh");
            page.locator("#queue-awaiting").click();
            assertThat(page.locator("#queue-list tr[data-case='" + waiting + "']")).isVisible();
            Browser.screenshot(page, "supervisor-queue-awaiting-zh");
            for (String queue : new String[] {"parked", "overdue"}) {
                page.navigate("/supervisor/queues?queue=" + queue);
                assertThat(page.locator("#queue-" + queue)).hasAttribute("aria-current", "page");
                Browser.assertNoMissingMessages(page);
            }
            assertThat(api.get("/api/cases/" + caseId).path("escalated").asBoolean()).isTrue();
        }
    }

    @Test
    void everySupervisorPageSpeaksEnglish() {
        Api api = new Api(http);
        String caseId = api.fileCase("C0402", NANJIE_05, "南街社区绿化带被踩踏 green belt trampled", "r021");
        api.awaitStatus(caseId, "DISPATCHED");
        try (BrowserContext context = Browser.desktop("http://localhost:" + port, "en")) {
            Page page = Browser.signIn(context, "supervisor", "en");
            assertThat(page.locator("h1")).hasText("Performance dashboard");
            page.waitForFunction("() => window.Chart && Chart.getChart('chart-trend')");
            Browser.assertNoMissingMessages(page);
            Browser.screenshot(page, "supervisor-dashboard-en");

            page.navigate("/supervisor/cases?go=1&q=trampled&sort=NEWEST");
            assertThat(page.locator("#results tr[data-case='" + caseId + "']")).isVisible();
            Browser.assertNoMissingMessages(page);
            Browser.screenshot(page, "supervisor-search-en");

            page.navigate("/supervisor/cases/" + caseId);
            assertThat(page.locator("#verification")).hasText(Pattern.compile("Tamper check passed"));
            assertThat(page.locator("#form-reassign label").first()).hasText("Grid worker id");
            Browser.assertNoMissingMessages(page);
            Browser.screenshot(page, "supervisor-case-en");

            for (String queue : new String[] {"escalated", "parked", "awaiting", "overdue"}) {
                page.navigate("/supervisor/queues?queue=" + queue);
                assertThat(page.locator("h1")).hasText("Queues");
                Browser.assertNoMissingMessages(page);
            }
            Browser.screenshot(page, "supervisor-queues-en");
        }
    }
}
