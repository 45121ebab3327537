package city.gridwhistle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stop the application and start it again on the same data directory: every case filed before is still there,
 * in the event store and in search. The embedded servers stop and start with the application.
 */
class RestartIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void casesSurviveARestartOnTheSameDataDirectory() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of(System.getProperty("gridwhistle.data-dir")).getParent(),
                "restart-");
        List<String> caseIds = new ArrayList<>();

        try (ConfigurableApplicationContext first = start(dataDir)) {
            int port = port(first);
            caseIds.add(file(port, "C0106", "粮丰社区路灯不亮，晚上很黑"));
            caseIds.add(file(port, "C0101", "粮丰社区井盖松动"));
            caseIds.forEach(id -> awaitCase(port, id));
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            int port = port(second);
            for (String caseId : caseIds) {
                JsonNode found = awaitCase(port, caseId);
                assertThat(found.path("cell").path("cellCode").asText()).isEqualTo(DemoCity.LIANGFENG_02_CELL);
            }
            assertThat(file(port, "E0101", "重启之后再报：粮丰社区暴露垃圾")).isNotIn(caseIds);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(GridWhistleApplication.class)
                .run("--server.port=0", "--gridwhistle.data-dir=" + dataDir, "--gridwhistle.demo.enabled=true");
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private String file(int port, String category, String description) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(java.util.Map.of("categoryCode", category,
                "lat", DemoCity.LIANGFENG_02[0], "lon", DemoCity.LIANGFENG_02[1], "description", description));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return JSON.readTree(response.body()).path("caseId").asText();
    }

    private JsonNode awaitCase(int port, String caseId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases/" + caseId)).build();
        HttpResponse<String> found = await().atMost(Duration.ofSeconds(60))
                .until(() -> http.send(request, HttpResponse.BodyHandlers.ofString()), r -> r.statusCode() == 200 && r.body().contains("\"cellCode\""));
        try {
            return JSON.readTree(found.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
