package city.gridwhistle.web.pages.admin;

import static city.gridwhistle.web.grid.AdminGridFiles.code;
import static city.gridwhistle.web.grid.AdminGridFiles.collection;
import static city.gridwhistle.web.grid.AdminGridFiles.inside;
import static city.gridwhistle.web.grid.AdminGridFiles.square;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import city.gridwhistle.web.pages.Browser;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The administrators' pages in a real browser: each in Chinese and English with every string in its bundle, and one
 * administrator's afternoon told in order — an account, a grid cell uploaded and seen on the map, given to a worker
 * who is put on duty and gets the next report filed in it, a category's time limit lengthened, a station registered
 * and taken out of service, an API key created (shown once) and revoked.
 */
@IntegrationTest
class AdminPagesIntegrationTest {

    private static final double SIZE = 0.001;
    private static final Locator.GetByLabelOptions EXACT = new Locator.GetByLabelOptions().setExact(true);
    private static final List<String> PAGES = List.of("/admin", "/admin/grid", "/admin/categories", "/admin/stations",
            "/admin/api-keys");

    @LocalServerPort
    private int port;
    @Autowired
    private TestRestTemplate http;

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    @Test
    void everyAdminPageSpeaksChineseAndEnglishWithEveryString() {
        for (String language : List.of("zh-CN", "en")) {
            try (BrowserContext context = Browser.desktop(baseUrl(), language)) {
                Page page = Browser.signIn(context, "admin", language);
                for (String path : PAGES) {
                    page.navigate(path + "?lang=" + language);
                    assertThat(page.locator("html")).hasAttribute("lang", language);
                    assertThat(page.locator("h1")).isVisible();
                    Browser.assertNoMissingMessages(page);
                    assertThat(page.locator("input:not([type=hidden]):not([type=checkbox]), select, textarea")
                            .evaluateAll("els => els.filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))"
                                    + ".map(e => e.id || e.name)"))
                            .as("every control on %s has a label", path).isEqualTo(List.of());
                    String name = path.equals("/admin") ? "accounts" : path.substring("/admin/".length());
                    Browser.screenshot(page, "admin-" + name + "-" + (language.startsWith("zh") ? "zh" : "en"));
                }
            }
        }
    }

    @Test
    void anAdministratorRunsTheCityFromTheAdminPages() {
        try (BrowserContext context = Browser.desktop(baseUrl(), "en")) {
            Page page = Browser.signIn(context, "admin", "en");
            page.onDialog(dialog -> dialog.accept());

            createsAGridWorkersAccount(page);
            uploadsTwoCellsAndSeesThemOnTheMap(page);
            givesTheSecondCellToTheWorkerPutsThemOnDutyAndTheNextReportThereIsTheirs(page);
            lengthensACategorysHandleLimit(page);
            registersAStationAndTakesItOutOfService(page);
            createsAnApiKeySeesItOnceAndRevokesIt(page);
        }
    }

    private void createsAGridWorkersAccount(Page page) {
        page.navigate("/admin");
        Locator form = page.locator("#new-account");
        form.getByLabel("Username").fill("wadmui1");
        form.getByLabel("Initial password").fill("a-long-initial-password");
        form.getByLabel("Role").selectOption("GRID_WORKER");
        form.getByLabel("Person id").fill("WADMUI1");
        form.getByLabel("Name", EXACT).fill("界面测试员");
        form.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
        assertThat(page.locator("#gw-status")).hasText("The account was created.");
        assertThat(page.locator("tr[data-username=wadmui1]")).containsText("Grid worker");
    }

    private void uploadsTwoCellsAndSeesThemOnTheMap(Page page) {
        page.navigate("/admin/grid");
        String file = collection(square(21, "界面测试社区21网格", SIZE), square(22, "界面测试社区22网格", SIZE));
        page.getByLabel("GeoJSON file").setInputFiles(new FilePayload("cells.geojson", "application/geo+json",
                file.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Upload")).click();
        assertThat(page.locator("#grid-result")).hasText("2 new, 0 redrawn, 0 unchanged.");
        assertThat(page.locator("#admin-map")).hasAttribute("data-shown", code(21) + " " + code(22));
        assertThat(page.locator("#admin-map path.leaflet-interactive[stroke='#b3261e']")).hasCount(2);
        assertThat(page.locator("tr[data-cell='" + code(22) + "']")).containsText("界面测试社区22网格");
        Browser.screenshot(page, "admin-grid-uploaded");
    }

    private void givesTheSecondCellToTheWorkerPutsThemOnDutyAndTheNextReportThereIsTheirs(Page page) {
        Locator enrol = page.locator("#new-worker");
        enrol.getByLabel("Worker id").fill("WADMUI1");
        enrol.getByLabel("Name").fill("界面测试员");
        enrol.getByLabel("Cells").fill(code(21));
        enrol.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
        Locator row = page.locator("tr[data-worker=WADMUI1]");
        assertThat(row).containsText("off duty");

        row.getByLabel("Cells of WADMUI1", EXACT).fill(code(22));
        row.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Save the cells of WADMUI1")).click();
        assertThat(page.locator("#gw-status")).containsText("The cells of WADMUI1 were changed");
        assertThat(row.getByLabel("Cells of WADMUI1", EXACT)).hasValue(code(22));
        row.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Put WADMUI1 on duty")).click();
        // the list is re-read after each change; a re-read that raced the cells' change may show the old duty, so
        // the page is looked at again until it shows what the server holds
        org.awaitility.Awaitility.await().atMost(city.gridwhistle.Api.READ_MODEL_WITHIN)
                .pollInterval(java.time.Duration.ofSeconds(2)).until(() -> {
                    if ("on duty".equals(row.locator(".badge").textContent().trim())) {
                        return true;
                    }
                    page.reload();
                    return "on duty".equals(row.locator(".badge").textContent().trim());
                });

        JsonNode receipt = new Api(http).file("E0101", inside(22, SIZE), "界面测试：暴露垃圾", "r033").getBody();
        assertThat(receipt.path("cellCode").asText()).isEqualTo(code(22));
        assertThat(receipt.path("workerId").asText()).isEqualTo("WADMUI1");
        page.reload();
        assertThat(page.locator("tr[data-worker=WADMUI1] td").nth(2)).hasText("1");
    }

    private void lengthensACategorysHandleLimit(Page page) {
        page.navigate("/admin/categories");
        Locator details = page.locator("#edit-E0102");
        details.locator("summary").click();
        Locator amount = details.getByLabel("Amount").nth(2);
        int lengthened = Integer.parseInt(amount.inputValue()) + 1;
        amount.fill(Integer.toString(lengthened));
        details.getByLabel("Reason").fill("界面测试：处置时限延长");
        details.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Save")).click();
        assertThat(page.locator("#gw-status")).hasText("Category E0102 was saved.");
        assertThat(page.locator("tr[data-category=E0102] td").nth(3)).containsText(Integer.toString(lengthened));
        assertThat(page.locator("#category-changes li[data-category=E0102]").first()).containsText("界面测试：处置时限延长");
        Browser.screenshot(page, "admin-categories-changed");
    }

    private void registersAStationAndTakesItOutOfService(Page page) {
        page.navigate("/admin/stations");
        Locator form = page.locator("#new-station");
        form.getByLabel("Station id").fill("SADMUI1");
        form.getByLabel("Station name").fill("界面测试驿站");
        form.getByLabel("Address").fill("管理测试街道1号");
        form.getByLabel("Latitude").fill("30.95");
        form.getByLabel("Longitude").fill("104.55");
        form.getByLabel("Opens").fill("08:00");
        form.getByLabel("Closes").fill("22:00");
        form.getByLabel("Services").fill("CHARGING HOT_WATER");
        form.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Register station")).click();
        Locator station = page.locator("li[data-station=SADMUI1]");
        assertThat(station.locator(".badge")).hasText("in service");

        station.getByLabel("Why “界面测试驿站” is out of service (riders see this)").fill("停电检修");
        station.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Take out of service")).click();
        assertThat(page.locator("li[data-station=SADMUI1] .badge")).hasText("out of service");
        assertThat(page.locator("li[data-station=SADMUI1]")).containsText("停电检修");
    }

    private void createsAnApiKeySeesItOnceAndRevokesIt(Page page) {
        page.navigate("/admin/api-keys");
        // exactly: the revoke buttons of other tests' keys are labelled "… of <partner>"
        page.getByLabel("Partner", new Page.GetByLabelOptions().setExact(true)).fill("界面测试平台");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Create key")).click();
        Locator secret = page.locator("#new-key-value");
        assertThat(secret).containsText("gwk_");
        String apiKey = secret.textContent();
        assertThat(keyWorks(apiKey)).isTrue();

        Locator row = page.locator("#keys tr", new Page.LocatorOptions().setHasText("界面测试平台"));
        row.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
        assertThat(page.locator("#keys tr", new Page.LocatorOptions().setHasText("界面测试平台")).locator(".badge"))
                .hasText("revoked");
        assertThat(keyWorks(apiKey)).isFalse();
        page.reload();
        assertThat(page.locator("#new-key-value")).not().isVisible();
        assertThat(page.content()).doesNotContain(apiKey);
    }

    private boolean keyWorks(String apiKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Api-Key", apiKey);
        return http.exchange("/api/cases?size=1", HttpMethod.GET, new HttpEntity<>(headers), String.class)
                .getStatusCode() == HttpStatus.OK;
    }
}
