package city.gridwhistle.web.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A partner platform's receiver, for real, on the loopback address: each notification of the platform's riders
 * arrives signed with the platform's shared secret; a receiver that fails twice still gets it on a later attempt,
 * and once it has acknowledged, it never gets it again.
 */
@IntegrationTest
class PlatformWebhookIntegrationTest {

    /** Inside 南街社区07网格 (蒲江县), where W025 and W026 are on duty; no other test reports there. */
    private static final double[] NANJIE_07 = {30.197477, 103.50652};
    /** R038 rides for 顺丰同城. */
    private static final String RIDER = "r038";
    private static final String PLATFORM = "顺丰同城";
    private static final int FAILURES_BEFORE_RECOVERY = 2;

    @Autowired
    private TestRestTemplate restTemplate;

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attemptsById = new ConcurrentHashMap<>();
    private HttpServer receiver;
    private String webhookId;

    /** One request as the receiver saw it, and what it answered. */
    record Received(String eventId, String idempotencyKey, String signature, String body, int answered) {
    }

    @BeforeEach
    void startTheReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/gridwhistle-hook", this::receive);
        receiver.start();
    }

    @AfterEach
    void stopTheReceiver() {
        if (webhookId != null) {
            new Api(restTemplate).as("admin").delete("/api/admin/webhooks/" + webhookId);
        }
        receiver.stop(0);
    }

    /** Fails the first two attempts of every notification with HTTP 500, then acknowledges. */
    private void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String eventId = exchange.getRequestHeaders().getFirst("X-GridWhistle-Event-Id");
        int attempt = attemptsById.computeIfAbsent(String.valueOf(eventId), id -> new AtomicInteger()).incrementAndGet();
        int answer = attempt <= FAILURES_BEFORE_RECOVERY ? 500 : 200;
        received.add(new Received(eventId, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                exchange.getRequestHeaders().getFirst("X-GridWhistle-Signature"), body, answer));
        exchange.sendResponseHeaders(answer, -1);
        exchange.close();
    }

    @Test
    void aReceiverThatFailsTwiceGetsEachSignedNotificationOnceItRecoversAndNeverAgain() throws Exception {
        Api api = new Api(restTemplate);
        JsonNode registered = registerTheReceiver(api);
        String secret = registered.path("secret").asText();
        assertThat(secret).startsWith("whsec_");
        assertThat(api.as("admin").getForObject("/api/admin/webhooks", String.class))
                .as("the secret is shown once, never listed").contains(webhookId).doesNotContain(secret);

        String caseId = api.fileCase("E0503", NANJIE_07, "南街社区路口占道经营堵住非机动车道 hookalpha", RIDER);

        Received dispatched = await().atMost(Duration.ofSeconds(60)).until(
                () -> acknowledged(caseId, "DISPATCHED"), java.util.Objects::nonNull);
        String notificationId = dispatched.eventId();
        List<Received> attempts = attemptsOf(notificationId);
        assertThat(attempts).extracting(Received::answered).containsExactly(500, 500, 200);
        for (Received attempt : attempts) {
            assertThat(verifies(attempt, secret)).as("signature of %s", attempt.signature()).isTrue();
            assertThat(attempt.idempotencyKey()).isEqualTo(notificationId);
        }
        assertThat(verifies(attempts.get(0), "whsec_someone-else")).isFalse();

        JsonNode payload = new ObjectMapper().readTree(dispatched.body());
        assertThat(payload.path("id").asText()).isEqualTo(notificationId);
        assertThat(payload.path("type").asText()).isEqualTo("case.status-changed");
        assertThat(payload.path("platform").asText()).isEqualTo(PLATFORM);
        assertThat(payload.path("notification").path("riderId").asText()).isEqualTo("R038");
        assertThat(payload.path("notification").path("text").path("zh").asText()).contains("已派遣");
        assertThat(dispatched.body()).as("never who handles the case").doesNotContain("W025").doesNotContain("W026");

        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                .until(() -> attemptsOf(notificationId).size() == FAILURES_BEFORE_RECOVERY + 1);
        assertThat(attemptsOf(notificationId)).filteredOn(r -> r.answered() == 200).hasSize(1);

        JsonNode record = delivery(api, PLATFORM, notificationId);
        assertThat(record.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(record.path("attempts").asInt()).isEqualTo(FAILURES_BEFORE_RECOVERY + 1);
        assertThat(record.path("lastHttpStatus").asInt()).isEqualTo(200);
    }

    /**
     * Another platform's webhook gets nothing of a rider's, and a rider whose platform has none is recorded as
     * skipped with the reason at once, without a delivery task (decision 0027).
     */
    @Test
    void aRiderWhosePlatformHasNoWebhookIsSkippedAndSentNowhere() {
        Api api = new Api(restTemplate);
        registerTheReceiver(api);

        // R028 rides for 美团, which no test gives a webhook; a pothole's 30 m radius keeps it a case of its own
        String caseId = api.fileCase("E0402", NANJIE_07, "南街社区路面坑洼 hookbeta", "r028");
        String notificationId = RiderInboxScenarioTest.awaitNotification(api, "r028", caseId, "DISPATCHED", n -> true)
                .path("id").asText();

        JsonNode record = await().atMost(Api.READ_MODEL_WITHIN).until(() -> delivery(api, "美团", notificationId),
                java.util.Objects::nonNull);
        assertThat(record.path("status").asText()).isEqualTo("SKIPPED");
        assertThat(record.path("attempts").asInt()).isZero();
        assertThat(record.path("lastError").asText()).contains("no webhook");
        assertThat(received).as("sent to nobody").noneMatch(r -> r.body().contains(caseId));
    }

    /** The receiver becomes the platform's webhook; answers the registration (with the secret, shown once). */
    private JsonNode registerTheReceiver(Api api) {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/gridwhistle-hook";
        ResponseEntity<JsonNode> registered = api.as("admin").postForEntity("/api/admin/webhooks",
                Map.of("platform", PLATFORM, "url", url), JsonNode.class);
        assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.CREATED);
        webhookId = registered.getBody().path("webhookId").asText();
        return registered.getBody();
    }

    private static JsonNode delivery(Api api, String platform, String notificationId) {
        JsonNode deliveries = api.as("admin").getForObject("/api/admin/webhooks/deliveries?platform=" + platform
                + "&limit=500", JsonNode.class);
        return java.util.stream.StreamSupport.stream(deliveries.path("deliveries").spliterator(), false)
                .filter(d -> d.path("notificationId").asText().equals(notificationId)).findFirst().orElse(null);
    }

    @Test
    void aWebhookIsHttpsUnlessItListensOnTheLoopbackAddress() {
        Api api = new Api(restTemplate);
        ResponseEntity<JsonNode> plainHttp = api.as("admin").postForEntity("/api/admin/webhooks",
                Map.of("platform", PLATFORM, "url", "http://partner.example.com/hook"), JsonNode.class);
        ResponseEntity<JsonNode> unknownPlatform = api.as("admin").postForEntity("/api/admin/webhooks",
                Map.of("platform", "不存在的平台", "url", "https://partner.example.com/hook"), JsonNode.class);

        assertThat(plainHttp.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(plainHttp.getBody().path("errors").get(0).path("field").asText()).isEqualTo("url");
        assertThat(unknownPlatform.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownPlatform.getBody().path("errors").get(0).path("field").asText()).isEqualTo("platform");
        assertThat(api.as("admin").exchange("/api/admin/webhooks/no-such-webhook", HttpMethod.DELETE, null,
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aWebhookCannotPointInsideTheCitysNetwork() {
        Api api = new Api(restTemplate);
        String before = api.as("admin").getForObject("/api/admin/webhooks", String.class);
        for (String inside : new String[] {"https://169.254.169.254/latest/meta-data/", "https://10.0.0.8/hook",
                "https://192.168.1.1/hook", "https://[fd00::1]/hook", "https://127.0.0.1.nip.io/hook",
                "https://0.0.0.0/hook"}) {
            ResponseEntity<JsonNode> refused = api.as("admin").postForEntity("/api/admin/webhooks",
                    Map.of("platform", PLATFORM, "url", inside), JsonNode.class);

            assertThat(refused.getStatusCode()).as(inside).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().path("errors").get(0).path("field").asText()).isEqualTo("url");
        }
        assertThat(api.as("admin").getForObject("/api/admin/webhooks", String.class)).isEqualTo(before);
    }

    private Received acknowledged(String caseId, String status) {
        return received.stream().filter(r -> r.answered() == 200).filter(r -> {
            try {
                JsonNode notification = new ObjectMapper().readTree(r.body()).path("notification");
                return notification.path("caseId").asText().equals(caseId)
                        && notification.path("status").asText().equals(status);
            } catch (IOException e) {
                return false;
            }
        }).findFirst().orElse(null);
    }

    private List<Received> attemptsOf(String notificationId) {
        return received.stream().filter(r -> notificationId.equals(r.eventId())).toList();
    }

    /** What a platform does on receipt: recompute the HMAC over "t.body" with its secret. */
    private static boolean verifies(Received request, String secret) throws Exception {
        Map<String, String> parts = new java.util.HashMap<>();
        for (String part : request.signature().split(",")) {
            String[] keyValue = part.split("=", 2);
            parts.put(keyValue[0], keyValue[1]);
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(
                mac.doFinal((parts.get("t") + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
        return expected.equals(parts.get("v1"));
    }
}
