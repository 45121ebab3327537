package city.gridwhistle.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.IntegrationTest;
import city.gridwhistle.web.demo.DemoAccounts;
import city.gridwhistle.web.security.Http.Credential;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wrong passwords slow the guesser down without shutting anyone out, and tell nobody which names exist: per name
 * and per address, a few failures are free, then each attempt waits twice as long as the one before (429 with
 * {@code Retry-After}, the same body for a real name and an invented one); the owner gets in as soon as the wait
 * is over. Every test starts and ends with no failures counted, since all tests call from one address.
 */
@IntegrationTest
class SignInThrottlingIntegrationTest {

    private static final String WRONG = "not the password at all";

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private SecuritySettings settings;
    @Autowired
    private SignInSettings signInSettings;

    private Http http;
    private TestAccounts accounts;

    @BeforeEach
    void start() {
        forgetFailures();
        http = new Http(port);
        accounts = new TestAccounts(http, Credential.bearer(http.signIn("admin", DemoAccounts.PASSWORD)));
    }

    @AfterEach
    void forgetFailures() {
        jdbc.update("delete from sign_in_throttle");
    }

    /** Five wrong passwords locked an administrator out for a quarter of an hour: anyone could shut the city out. */
    @Test
    void strangersCannotLockTheAdministratorOut() throws Exception {
        int free = settings.maxFailedLogins();
        for (int attempt = 1; attempt <= free; attempt++) {
            assertThat(http.requestToken("admin", WRONG + attempt).statusCode()).isEqualTo(401);
        }

        Http.Response waitFirst = http.requestToken("admin", DemoAccounts.PASSWORD);
        assertThat(waitFirst.statusCode()).as(waitFirst.body()).isEqualTo(429);
        sleepFor(waitFirst);

        assertThat(http.requestToken("admin", DemoAccounts.PASSWORD).statusCode()).as("in, once the wait is over")
                .isEqualTo(200);
    }

    @Test
    void eachFurtherFailureDoublesTheWaitAndTheOwnerGetsInOnceItPasses() throws Exception {
        String username = accounts.rider();
        int free = settings.maxFailedLogins();
        for (int attempt = 1; attempt <= free; attempt++) {
            assertThat(http.requestToken(username, WRONG + attempt).statusCode()).isEqualTo(401);
        }
        Http.Response first = http.requestToken(username, TestAccounts.PASSWORD);
        assertThat(first.statusCode()).as("even the right password waits").isEqualTo(429);
        assertThat(first.body()).doesNotContain("accessToken");
        long firstWait = retryAfter(first);
        sleepFor(first);

        assertThat(http.requestToken(username, WRONG).statusCode()).isEqualTo(401);
        Http.Response second = http.requestToken(username, TestAccounts.PASSWORD);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(retryAfter(second)).as("the wait doubles").isGreaterThan(firstWait);
        Http.Response hammering = http.requestToken(username, WRONG);
        assertThat(hammering.statusCode()).isEqualTo(429);
        assertThat(retryAfter(hammering)).as("a refused attempt does not make the wait longer")
                .isLessThanOrEqualTo(retryAfter(second));
        sleepFor(second);

        assertThat(http.requestToken(username, TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(http.requestToken(username, WRONG).statusCode()).as("a success starts the count afresh")
                .isEqualTo(401);
        assertThat(http.requestToken(username, TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void anInventedNameIsThrottledAndAnsweredExactlyAsARealOne() throws Exception {
        String real = accounts.rider();
        String invented = "sec-" + UUID.randomUUID().toString().substring(0, 8);
        int free = settings.maxFailedLogins();
        for (int attempt = 1; attempt <= free + 1; attempt++) {
            Http.Response forReal = http.requestToken(real, WRONG + attempt);
            Http.Response forInvented = http.requestToken(invented, WRONG + attempt);

            assertThat(forInvented.statusCode()).as("attempt %d", attempt).isEqualTo(forReal.statusCode())
                    .isEqualTo(attempt <= free ? 401 : 429);
            assertThat(Http.json(forInvented)).as("attempt %d", attempt).isEqualTo(Http.json(forReal));
            assertThat(forInvented.headers().firstValue("Retry-After"))
                    .isEqualTo(forReal.headers().firstValue("Retry-After"));
        }
    }

    /** A disabled account answered 'account-disabled' (and a locked one 'account-locked') without hashing anything. */
    @Test
    void anInventedNameAWrongPasswordAndADisabledAccountAreAnsweredAlikeInTheSameTime() {
        String enabled = accounts.rider();
        String disabled = accounts.rider();
        assertThat(http.send("POST", "/api/admin/accounts/" + disabled + "/disable",
                Credential.bearer(http.signIn("admin", DemoAccounts.PASSWORD)), Http.Body.NONE).statusCode())
                .isEqualTo(204);
        String invented = "sec-" + UUID.randomUUID().toString().substring(0, 8);

        Map<String, Supplier<Http.Response>> attempts = Map.of(
                "wrong password", () -> http.requestToken(enabled, WRONG),
                "invented name", () -> http.requestToken(invented, WRONG),
                "disabled, right password", () -> http.requestToken(disabled, TestAccounts.PASSWORD));
        Map<String, List<Long>> times = new java.util.TreeMap<>();
        JsonNode expected = Http.json(http.requestToken(enabled, WRONG));
        for (int round = 0; round < 9; round++) {
            attempts.forEach((kind, attempt) -> {
                forgetFailures();
                long started = System.nanoTime();
                Http.Response refused = attempt.get();
                times.computeIfAbsent(kind, k -> new ArrayList<>()).add(System.nanoTime() - started);
                assertThat(refused.statusCode()).as(kind).isEqualTo(401);
                assertThat(Http.json(refused)).as(kind).isEqualTo(expected);
            });
        }

        long wrongPassword = median(times.get("wrong password"));
        assertThat(median(times.get("invented name"))).as("an invented name costs a hash too")
                .isBetween(wrongPassword / 2, wrongPassword * 2);
        assertThat(median(times.get("disabled, right password"))).as("a disabled account costs a hash too")
                .isBetween(wrongPassword / 2, wrongPassword * 2);
    }

    /** Counting after checking let every guess sent at the same moment through before any was counted. */
    @Test
    void guessesSentTogetherCannotPassTheLimitTogether() throws Exception {
        String username = accounts.rider();
        int free = settings.maxFailedLogins();
        int guesses = free * 4;
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                String guess = WRONG + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return http.requestToken(username, guess).statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }

            assertThat(statuses).as("passwords checked").filteredOn(status -> status == 401).hasSize(free);
            assertThat(statuses).as("told to wait").filteredOn(status -> status == 429).hasSize(guesses - free);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneAddressTryingManyNamesIsThrottledForEveryName() {
        String username = accounts.rider();
        int free = signInSettings.freeFailuresPerAddress();
        for (int attempt = 1; attempt <= free; attempt++) {
            String name = "sec-spray-" + attempt + "-" + UUID.randomUUID().toString().substring(0, 4);
            assertThat(http.requestToken(name, WRONG).statusCode()).as("attempt %d", attempt).isEqualTo(401);
        }

        Http.Response refused = http.requestToken(username, TestAccounts.PASSWORD);

        assertThat(refused.statusCode()).as("a name never tried, from the same address").isEqualTo(429);
        assertThat(retryAfter(refused)).isPositive();
    }

    @Test
    void thePagesSignInIsThrottledTooAndSaysHowLongToWait() {
        String username = accounts.rider();
        SessionBrowser browser = new SessionBrowser(port);
        int free = settings.maxFailedLogins();
        for (int attempt = 1; attempt <= free; attempt++) {
            assertThat(browser.signIn(username, WRONG).headers().firstValue("Location").orElseThrow())
                    .endsWith("/login?error");
        }

        var waiting = browser.signIn(username, TestAccounts.PASSWORD);

        assertThat(waiting.headers().firstValue("Location").orElseThrow()).contains("/login?wait=");
        assertThat(SessionBrowser.location(browser.get("/"))).as("not signed in").endsWith("/login");
    }

    private static long retryAfter(Http.Response response) {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(Http.json(response).path("type").asText()).isEqualTo("/problems/sign-in-throttled");
        return Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
    }

    private static void sleepFor(Http.Response throttled) throws InterruptedException {
        Thread.sleep(retryAfter(throttled) * 1000 + 100);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
