package city.gridwhistle.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Server-sent event streams read in the background, line by line, as a browser's EventSource would. */
final class EventStreams implements AutoCloseable {

    /** The last line of a stream the server ended. */
    static final String ENDED = "(ended by the server)";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Stream<String>> open = new CopyOnWriteArrayList<>();
    private final Map<List<String>, Stream<String>> byLines = Collections.synchronizedMap(new IdentityHashMap<>());
    private final int port;

    EventStreams(int port) {
        this.port = port;
    }

    /** The lines heard so far ({@code event:…}, {@code data:…}), growing while the stream is open. */
    List<String> listen(String path, String token) throws IOException, InterruptedException {
        Attempt attempt = attempt(path, token);
        assertThat(attempt.refusal()).as("refused").isNull();
        return attempt.lines();
    }

    /** A stream the server refused: its status, headers and body (failing if the server opened it after all). */
    Refusal refused(String path, String token) throws IOException, InterruptedException {
        Attempt attempt = attempt(path, token);
        if (attempt.lines() != null) {
            close(attempt.lines());
            throw new AssertionError(path + " was opened, not refused");
        }
        return attempt.refusal();
    }

    /** A stream opened (its lines, as {@link #listen}) or refused (what the server answered instead). */
    Attempt attempt(String path, String token) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            try (Stream<String> body = response.body()) {
                return new Attempt(null, new Refusal(response.statusCode(), response.headers(),
                        body.collect(Collectors.joining("\n"))));
            }
        }
        List<String> lines = new CopyOnWriteArrayList<>();
        open.add(response.body());
        byLines.put(lines, response.body());
        Thread.ofVirtual().start(() -> {
            try {
                response.body().forEach(line -> lines.add(line.replace("event: ", "event:").replace("data: ", "data:")));
                lines.add(ENDED);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        return new Attempt(lines, null);
    }

    /** Closes one stream, as a client that goes away would: the server learns of it when it next writes. */
    void close(List<String> lines) {
        byLines.remove(lines).close();
    }

    /** One of the two. */
    record Attempt(List<String> lines, Refusal refusal) {
    }

    /** What a refused stream was answered. */
    record Refusal(int status, HttpHeaders headers, String body) {
    }

    @Override
    public void close() {
        open.forEach(Stream::close);
    }
}
