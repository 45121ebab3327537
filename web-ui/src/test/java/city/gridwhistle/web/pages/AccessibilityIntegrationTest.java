package city.gridwhistle.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page, as each kind of user sees it, checked in the browser against the WCAG 2.1 A and AA rules that can be
 * checked by machine (axe-core): labels on every control, names on buttons and links, contrast, language,
 * landmarks, ARIA. Keyboard use and reading order still need a person; these rules catch what regresses quietly.
 */
@IntegrationTest
class AccessibilityIntegrationTest {

    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    /** 书房社区05网格 (W009/W010's district, 龙泉驿): a case for the case pages. */
    private static final double[] SHUFANG_05 = {30.59599, 104.26199};

    @LocalServerPort
    private int port;
    @Autowired
    private TestRestTemplate http;

    @Test
    void everyPagePassesTheMachineCheckableWcagAaRules() {
        String base = "http://localhost:" + port;
        Api api = new Api(http);
        String caseId = api.fileCase("E0103", SHUFANG_05, "道路油污未清理 a11yzq11", "r011");
        api.awaitStatus(caseId, "DISPATCHED");

        List<String> problems = new ArrayList<>();
        try (BrowserContext anonymous = Browser.desktop(base, "zh-CN")) {
            Page page = anonymous.newPage();
            page.navigate("/login");
            check(page, "/login", problems);
        }
        try (BrowserContext phone = Browser.phone(base, "zh-CN", SHUFANG_05[0], SHUFANG_05[1])) {
            Page page = Browser.signIn(phone, "r011", "zh-CN");
            for (String path : List.of("/rider", "/rider/reports", "/rider/inbox", "/rider/points", "/rider/stations",
                    "/rider/cases/" + caseId)) {
                check(page, path, problems);
            }
        }
        Map<String, List<String>> staff = Map.of(
                "w010", List.of("/worker", "/worker/map", "/worker/cases/" + caseId),
                "longquanyi", List.of("/supervisor", "/supervisor/cases", "/supervisor/queues",
                        "/supervisor/cases/" + caseId),
                "admin", List.of("/admin", "/admin/grid", "/admin/categories", "/admin/stations", "/admin/api-keys"));
        staff.forEach((user, paths) -> {
            try (BrowserContext desk = Browser.desktop(base, "en")) {
                Page page = Browser.signIn(desk, user, "en");
                paths.forEach(path -> check(page, path, problems));
            }
        });
        assertThat(problems).as("WCAG 2.1 AA violations").isEmpty();
    }

    /** The check itself works under the pages' content security policy: it sees a control nobody labelled. */
    @Test
    void theCheckFindsAControlWithoutALabel() {
        try (BrowserContext anonymous = Browser.desktop("http://localhost:" + port, "zh-CN")) {
            Page page = anonymous.newPage();
            page.navigate("/login");
            page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<input id=\"unlabelled\">')");
            AxeResults results = new AxeBuilder(page).withTags(WCAG_AA).analyze();
            assertThat(results.getViolations()).extracting(Rule::getId).contains("label");
        }
    }

    private static void check(Page page, String path, List<String> problems) {
        page.navigate(path);
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        AxeResults results = new AxeBuilder(page).withTags(WCAG_AA).analyze();
        for (Rule rule : results.getViolations()) {
            problems.add(path + ": " + rule.getId() + " (" + rule.getHelp() + ") at " + rule.getNodes().stream()
                    .map(node -> String.valueOf(node.getTarget()) + " " + node.getHtml())
                    .limit(3).collect(Collectors.joining("; ")));
        }
    }
}
