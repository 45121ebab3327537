package city.gridwhistle.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Server-sent event streams read in the background, line by line, as a browser's EventSource would. */
final class EventStreams implements AutoCloseable {

    /** The last line of a stream the server ended. */
    static final String ENDED = "(ended by the server)";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Stream<String>> open = new CopyOnWriteArrayList<>();
    private final int port;

    EventStreams(int port) {
        this.port = port;
    }

    /** The lines heard so far ({@code event:…}, {@code data:…}), growing while the stream is open. */
    List<String> listen(String path, String token) throws IOException, InterruptedException {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        open.add(response.body());
        Thread.ofVirtual().start(() -> {
            try {
                response.body().forEach(line -> lines.add(line.replace("event: ", "event:").replace("data: ", "data:")));
                lines.add(ENDED);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        return lines;
    }

    @Override
    public void close() {
        open.forEach(Stream::close);
    }
}
