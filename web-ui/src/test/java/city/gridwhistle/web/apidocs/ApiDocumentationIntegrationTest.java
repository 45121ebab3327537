package city.gridwhistle.web.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The OpenAPI description tells a client how to sign in and what every operation can answer. */
@IntegrationTest
class ApiDocumentationIntegrationTest {

    @Autowired
    private TestRestTemplate http;

    @Test
    void everyApiOperationDocumentsItsProblemTypesAndHowToSignIn() {
        JsonNode api = http.getForObject("/api-docs", JsonNode.class);

        assertThat(api.path("info").path("title").asText()).contains("GridWhistle");
        assertThat(api.path("components").path("securitySchemes").has("bearer")).isTrue();
        assertThat(api.path("components").path("securitySchemes").has("apiKey")).isTrue();
        List<String> undocumented = new ArrayList<>();
        api.path("paths").properties().forEach(path -> {
            if (path.getKey().startsWith("/api/")) {
                path.getValue().properties().forEach(operation -> {
                    JsonNode responses = operation.getValue().path("responses");
                    for (String status : List.of("400", "401", "403", "404", "409", "422")) {
                        if (!responses.path(status).path("content").has("application/problem+json")) {
                            undocumented.add(operation.getKey() + " " + path.getKey() + " " + status);
                        }
                    }
                });
            }
        });
        assertThat(api.path("paths").has("/api/reports")).isTrue();
        assertThat(undocumented).isEmpty();
        assertThat(api.path("components").path("schemas").path("ReportRequest").path("properties")
                .path("categoryCode").path("example").asText()).isEqualTo("C0101");
    }
}
