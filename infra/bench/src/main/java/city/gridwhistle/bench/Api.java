package city.gridwhistle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;

/** The application's HTTP API as the benchmark uses it; each call answers with its status and body. */
final class Api {

    static final String PASSWORD = "gridwhistle-demo";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final URI base;
    private final HttpClient http;

    Api(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    URI base() {
        return base;
    }

    String token(String username) {
        Answer a = post("/api/auth/token", null, "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
        if (a.status() != 200) {
            throw new IllegalStateException("cannot sign in as " + username + ": " + a);
        }
        return a.json().path("accessToken").asText();
    }

    Answer post(String path, String token, String json) {
        HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "{}" : json));
        return send(token == null ? r : r.header("Authorization", "Bearer " + token));
    }

    Answer get(String path, String token, String... params) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i + 1 < params.length; i += 2) {
            query.append(query.isEmpty() ? "?" : "&").append(params[i]).append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve(path + query)).timeout(Duration.ofSeconds(60)).GET();
        return send(token == null ? r : r.header("Authorization", "Bearer " + token));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted");
        }
    }

    /** The JVM's figure from Actuator (administrators only), e.g. jvm.memory.used with tag area:heap. */
    double metric(String adminToken, String name, String... tags) {
        String[] params = new String[tags.length * 2];
        for (int i = 0; i < tags.length; i++) {
            params[2 * i] = "tag";
            params[2 * i + 1] = tags[i];
        }
        Answer a = get("/actuator/metrics/" + name, adminToken, params);
        if (a.status() != 200) {
            return Double.NaN;
        }
        for (JsonNode m : a.json().path("measurements")) {
            if (List.of("VALUE", "COUNT").contains(m.path("statistic").asText())) {
                return m.path("value").asDouble();
            }
        }
        return Double.NaN;
    }
}
