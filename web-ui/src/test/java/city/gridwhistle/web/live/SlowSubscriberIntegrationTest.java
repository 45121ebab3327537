package city.gridwhistle.web.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A client that opens a live stream and stops reading must not hold up anyone else. The city supervisor's stream
 * is opened over a raw socket with a small receive buffer and never read; large case updates are then sent to it
 * (the cases "changed on another instance": PostgreSQL's NOTIFY, as
 * {@code LiveUpdatesAcrossInstancesIntegrationTest} plays it) until the TCP buffers on both sides are full. A rider
 * who reads their own stream must still hear of a new case, the case must still be projected and dispatched (the
 * projection is what feeds every stream), and the stream that is not read must be dropped, its slot freed
 * (decision 0051). Before, the update was written to the socket on the thread that emitted it, which waited for the
 * stalled client as long as the server's write timeout.
 */
@IntegrationTest
class SlowSubscriberIntegrationTest {

    /** Inside 团结社区03网格 (W014). */
    private static final double[] TUANJIE_03 = {30.87954, 104.25053};
    private static final String RIDER = "r030";
    /** The longest description a report may have: every update of these cases is several kilobytes. */
    private static final String LONG = "stalled-reader ".repeat(266);

    @Autowired
    private TestRestTemplate server;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private LiveStreams liveStreams;
    @Autowired
    private MeterRegistry meters;
    @LocalServerPort
    private int port;

    private EventStreams streams;
    private Socket stalled;

    @BeforeEach
    void openStreams() {
        streams = new EventStreams(port);
    }

    @AfterEach
    void closeStreams() throws Exception {
        streams.close();
        if (stalled != null) {
            stalled.close();
        }
    }

    @Test
    void aClientThatStopsReadingHoldsUpNeitherTheProjectionNorTheOtherSubscribers() throws Exception {
        Api api = new Api(server);
        List<String> bigCases = List.of(
                api.fileCase("C0105", TUANJIE_03, LONG + "one", "r038"),
                api.fileCase("C0105", TUANJIE_03, LONG + "two", "r039"),
                api.fileCase("C0105", TUANJIE_03, LONG + "three", "r040"));
        bigCases.forEach(caseId -> api.awaitStatus(caseId, "DISPATCHED"));
        List<String> reader = streams.listen("/api/stream/cases", api.token(RIDER));
        await().atMost(Api.READ_MODEL_WITHIN).until(() -> reader.contains("event:inbox"));
        String canary = api.fileCase("C0203", TUANJIE_03, "护栏松动 stalledzq30", RIDER);
        api.awaitStatus(canary, "DISPATCHED");
        await().atMost(Api.READ_MODEL_WITHIN).until(() -> reader.stream().anyMatch(
                line -> line.contains(canary) && line.contains("DISPATCHED")));
        long heardOfCanary = heard(reader, canary);
        int supervisorsStreams = liveStreams.openStreams("S001");
        double dropped = dropped();

        stalled = openWithoutReading("/api/stream/cases", api.token(Api.WATCHER));
        await().atMost(Api.READ_MODEL_WITHIN).until(() -> liveStreams.openStreams("S001") == supervisorsStreams + 1);
        // every signal makes this instance send the three cases to each subscriber who sees them: the stalled
        // supervisor sees them all; megabytes of them fill its socket's buffers. Then the rider's own case: the
        // rider hears of it only once the updates before it went out
        String signal = "another-instance|" + String.join(",", bigCases);
        for (int i = 0; i < 1_500; i++) {
            jdbc.queryForObject("select pg_notify('gw_cases_changed', ?)", Object.class, signal);
        }
        jdbc.queryForObject("select pg_notify('gw_cases_changed', ?)", Object.class, "another-instance|" + canary);

        await().atMost(Api.READ_MODEL_WITHIN).until(() -> heard(reader, canary) > heardOfCanary);
        String caseId = api.fileCase("C0203", TUANJIE_03, "护栏松动 stalledzq31", RIDER);
        await().atMost(Api.READ_MODEL_WITHIN).until(() -> heard(reader, caseId) > 0);
        // read back from the case index: the projection went on
        api.awaitStatus(caseId, "DISPATCHED");

        await().atMost(Api.READ_MODEL_WITHIN).until(() -> liveStreams.openStreams("S001") == supervisorsStreams);
        assertThat(dropped()).as("streams dropped").isGreaterThan(dropped);
    }

    private static long heard(List<String> stream, String caseId) {
        return stream.stream().filter(line -> line.startsWith("data:") && line.contains(caseId)).count();
    }

    /** Streams dropped since the application started, for either reason. */
    private double dropped() {
        return meters.find("gridwhistle.live.streams.dropped").counters().stream().mapToDouble(Counter::count).sum();
    }

    /** A stream requested over a socket whose receive buffer is small, which is then never read. */
    private Socket openWithoutReading(String path, String token) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("localhost", port));
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAccept: text/event-stream\r\n"
                + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
