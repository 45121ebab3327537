package city.gridwhistle.web.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Operators see PostgreSQL, Elasticsearch and how far the projection lags, in one health document. */
@IntegrationTest
class HealthIntegrationTest {

    @Autowired
    private TestRestTemplate server;
    private TestRestTemplate http;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        http = new city.gridwhistle.Api(server).as("admin");
    }

    @Test
    void healthNamesTheDatabaseTheSearchNodeAndTheProjectionLag() {
        JsonNode health = await().atMost(Duration.ofSeconds(60))
                .until(() -> http.getForObject("/actuator/health", JsonNode.class),
                        h -> h.path("status").asText().equals("UP"));

        JsonNode components = health.path("components");
        assertThat(components.path("db").path("details").path("database").asText()).isEqualTo("PostgreSQL");
        assertThat(components.path("elasticsearch").path("status").asText()).isEqualTo("UP");
        JsonNode caseSearch = components.path("projections").path("details").path("case-search");
        assertThat(caseSearch.path("running").asBoolean()).isTrue();
        assertThat(caseSearch.path("head").asLong()).isPositive();
        assertThat(caseSearch.path("lag").isNumber()).isTrue();
    }

    @Test
    void anonymousCallersSeeOnlyTheOverallStatus() {
        JsonNode health = server.getForObject("/actuator/health", JsonNode.class);

        assertThat(health.path("status").asText()).isNotBlank();
        assertThat(health.path("components").isMissingNode()).isTrue();
    }

    @Test
    void lagIsAlsoAMetric() {
        JsonNode metric = http.getForObject("/actuator/metrics/gridwhistle.processor.lag?tag=processor:case-search",
                JsonNode.class);

        assertThat(metric.path("measurements").path(0).path("value").isNumber()).isTrue();
    }
}
