package city.gridwhistle.web.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Open311 is public, so each address has a budget of calls a minute; past it, every call (read or filing) is
 * refused with 429 and the seconds to wait, in Open311's error format. On a context of its own with a budget of
 * five (the other tests run with the limit off, all calling from one address), closed after it. The JDK's client,
 * since Spring's test client waits out a Retry-After by itself and asks again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gridwhistle.demo.enabled=true", "gridwhistle.open311.requests-per-minute=5"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class Open311RateLimitIntegrationTest {

    @LocalServerPort
    private int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pastItsBudgetAnAddressIsToldToWait() throws Exception {
        for (int call = 1; call <= 5; call++) {
            assertThat(send("GET", "/open311/v2/services.json").statusCode()).as("call %d", call).isEqualTo(200);
        }

        HttpResponse<String> sixth = send("GET", "/open311/v2/requests.json");
        HttpResponse<String> filing = send("POST", "/open311/v2/requests.json?service_code=E0503&lat=30.61"
                + "&long=104.12&api_key=none");

        for (HttpResponse<String> refused : List.of(sixth, filing)) {
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
            JsonNode error = new ObjectMapper().readTree(refused.body()).path(0);
            assertThat(error.path("code").asInt()).isEqualTo(429);
            assertThat(error.path("description").asText()).contains("5 requests");
        }
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
