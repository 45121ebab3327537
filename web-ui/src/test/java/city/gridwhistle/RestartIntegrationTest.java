package city.gridwhistle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stop the application and start it again on the same data directory: every case filed before is still there,
 * in the event store and in search. The embedded servers stop and start with the application.
 */
class RestartIntegrationTest {


    @Test
    void casesSurviveARestartOnTheSameDataDirectory() throws IOException {
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

    private static Api api(int port) {
        return new Api(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
    }

    private String file(int port, String category, String description) {
        return api(port).fileCase(category, DemoCity.LIANGFENG_02, description, "r001");
    }

    private JsonNode awaitCase(int port, String caseId) {
        return api(port).awaitCase(caseId, c -> c.path("cell").path("cellCode").isTextual());
    }
}
