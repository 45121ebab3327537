package city.gridwhistle.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** JSON over HTTP to one base address, optionally signed in as a demo account (bearer tokens, cached). */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String DEMO_PASSWORD = "gridwhistle-demo";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    /**
     * An answer; status {@link #REFUSED} when the connection was refused (nothing listening: the request never
     * reached an application), {@link #NO_ANSWER} when a request was sent but no answer came (the process died
     * under it, or a time-out).
     */
    record Response(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    static final int REFUSED = -3;
    static final int NO_ANSWER = -1;

    private final String base;

    Http(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    Response send(String method, String path, Object body, String username) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json");
            if (username != null) {
                request.header("Authorization", "Bearer " + token(username));
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body() == null || response.body().isBlank() ? MissingNode.getInstance()
                    : parse(response.body());
            return new Response(response.statusCode(), json);
        } catch (java.net.ConnectException e) {
            return new Response(REFUSED, MissingNode.getInstance());
        } catch (IOException e) {
            return new Response(NO_ANSWER, MissingNode.getInstance());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, MissingNode.getInstance());
        }
    }

    Response get(String path, String username) {
        return send("GET", path, null, username);
    }

    Response post(String path, Object body, String username) {
        return send("POST", path, body, username);
    }

    JsonNode getJson(String path) {
        Response response = get(path, null);
        if (!response.ok()) {
            throw new IllegalStateException("GET " + base + path + " answered " + response.status());
        }
        return response.body();
    }

    void delete(String path) {
        Response response = send("DELETE", path, null, null);
        if (!response.ok()) {
            throw new IllegalStateException("DELETE " + base + path + " answered " + response.status());
        }
    }

    /** Tokens live in PostgreSQL, so one token serves every instance and survives restarts. */
    String token(String username) {
        return TOKENS.computeIfAbsent(username + "@" + database(), u -> {
            Response issued = send("POST", "/api/auth/token", Map.of("username", username, "password", DEMO_PASSWORD),
                    null);
            if (issued.status() != 200) {
                throw new IllegalStateException("sign-in of " + username + " at " + base + " answered " + issued.status());
            }
            return issued.body().path("accessToken").asText();
        });
    }

    /** Tokens are per database; tests name the database they use so that no token crosses into another. */
    private static volatile String database = "";

    static void useDatabase(String name) {
        database = name;
    }

    private static String database() {
        return database;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(body);
        }
    }
}
