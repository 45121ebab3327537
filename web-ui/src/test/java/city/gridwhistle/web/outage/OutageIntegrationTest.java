package city.gridwhistle.web.search;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.DemoCity;
import city.gridwhistle.GridWhistleApplication;
import city.gridwhistle.infra.elasticsearch.EmbeddedElasticsearch;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Elasticsearch goes away while riders keep reporting: nothing they filed is lost, the projection waits, and
 * when the node is back every case becomes searchable, once.
 */
class ElasticsearchOutageIntegrationTest {

    @Test
    void reportsFiledDuringAnOutageBecomeSearchableWhenElasticsearchReturns() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of(System.getProperty("gridwhistle.data-dir")).getParent(),
                "outage-");
        Path esHome = dataDir.resolve("external-elasticsearch");
        EmbeddedElasticsearch node = EmbeddedElasticsearch.start(esHome);
        assertThat(node.awaitReady(Duration.ofSeconds(120))).isTrue();
        int esPort = node.httpPort();

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GridWhistleApplication.class).run(
                "--server.port=0", "--gridwhistle.data-dir=" + dataDir, "--gridwhistle.demo.enabled=true",
                "--spring.elasticsearch.uris=" + node.httpUri())) {
            Api api = new Api(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:"
                    + app.getEnvironment().getRequiredProperty("local.server.port"))));
            String before = api.fileCase("C0101", DemoCity.LIANGFENG_02, "停电前：井盖缺失", "r001");
            api.awaitCase(before, c -> c.path("status").asText().equals("DISPATCHED"));

            node.close();
            List<String> duringOutage = new ArrayList<>();
            duringOutage.add(api.fileCase("C0106", DemoCity.LIANGFENG_02, "停电中：路灯不亮", "r002"));
            duringOutage.add(api.fileCase("E0101", DemoCity.SHUFANG_05, "停电中：暴露垃圾", "r003"));
            duringOutage.add(api.fileCase("E0401", DemoCity.LIANGFENG_12, "停电中：路面塌陷", "r004"));

            node = EmbeddedElasticsearch.start(esHome, esPort);
            assertThat(node.awaitReady(Duration.ofSeconds(120))).isTrue();

            for (String caseId : duringOutage) {
                JsonNode found = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(150)).until(
                        () -> api.as(Api.WATCHER).getForEntity("/api/cases/" + caseId, JsonNode.class),
                        r -> r.getStatusCode().is2xxSuccessful() && r.getBody().path("cell").path("cellCode").isTextual())
                        .getBody();
                assertThat(found.path("caseId").asText()).isEqualTo(caseId);
            }
            JsonNode all = api.get("/api/cases?size=100");
            assertThat(all.path("cases").findValuesAsText("caseId")).containsOnlyOnce(duringOutage.toArray(String[]::new))
                    .containsOnlyOnce(before);
        } finally {
            node.close();
        }
    }
}
