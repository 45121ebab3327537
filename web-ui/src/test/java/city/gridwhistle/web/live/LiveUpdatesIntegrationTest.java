package city.gridwhistle.web.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A worker's inbox and a supervisor's dashboard hear of a new case while they watch, without asking. */
@IntegrationTest
class LiveUpdatesIntegrationTest {

    /** Inside 团结社区06网格, where W015 works; used by no other test. */
    private static final double[] TUANJIE_06 = {30.880425, 104.249496};

    @Autowired
    private TestRestTemplate server;
    @LocalServerPort
    private int port;
    @Autowired
    private LiveStreams liveStreams;

    private EventStreams streams;

    @BeforeEach
    void openStreams() {
        streams = new EventStreams(port);
    }

    @AfterEach
    void closeStreams() {
        streams.close();
    }

    @Test
    void aWorkersInboxAndTheDashboardHearOfANewCaseInTheirArea() throws Exception {
        Api api = new Api(server);
        List<String> inbox = listen("/api/stream/cases", api.token("w015"));
        List<String> otherInbox = listen("/api/stream/cases", api.token("w001"));
        List<String> dashboard = listen("/api/stream/dashboard", api.token("supervisor"));
        await().atMost(Api.READ_MODEL_WITHIN).until(() -> inbox.contains("event:inbox")
                && dashboard.contains("event:connected") && otherInbox.contains("event:inbox"));

        String caseId = api.fileCase("E0301", TUANJIE_06, "团结社区工地围挡倒塌，存在安全隐患", "r045");

        await().atMost(Api.READ_MODEL_WITHIN).until(() -> inbox.stream().anyMatch(
                line -> line.startsWith("data:") && line.contains(caseId) && line.contains("W015")));
        await().atMost(Api.READ_MODEL_WITHIN).until(() -> dashboard.stream().anyMatch(
                line -> line.startsWith("data:") && line.contains("510113")));
        assertThat(otherInbox).noneMatch(line -> line.contains(caseId));
    }

    @Test
    void aRiderHearsOfTheirOwnCaseInThePublicView() throws Exception {
        Api api = new Api(server);
        List<String> riderStream = listen("/api/stream/cases", api.token("r046"));
        await().atMost(Api.READ_MODEL_WITHIN).until(() -> riderStream.contains("event:inbox"));

        String caseId = api.fileCase("E0405", TUANJIE_06, "电动车违规充电，有火灾隐患", "r046");

        await().atMost(Api.READ_MODEL_WITHIN).until(() -> riderStream.stream().anyMatch(
                line -> line.startsWith("data:") && line.contains(caseId)));
        assertThat(riderStream).filteredOn(line -> line.contains(caseId)).noneMatch(line -> line.contains("W015"));
    }

    @Test
    void openStreamsEndWhenTheApplicationStopsSoThatItsShutdownNeedNotWaitForThem() throws Exception {
        Api api = new Api(server);
        List<String> inbox = listen("/api/stream/cases", api.token("w015"));
        List<String> riderInbox = listen("/api/notifications/stream", api.token("r039"));
        await().atMost(Api.READ_MODEL_WITHIN).until(() -> inbox.contains("event:inbox")
                && riderInbox.contains("event:inbox"));
        assertThat(inbox).doesNotContain(EventStreams.ENDED);

        try {
            liveStreams.stop();
            await().atMost(Duration.ofSeconds(10)).until(() -> inbox.contains(EventStreams.ENDED)
                    && riderInbox.contains(EventStreams.ENDED));
            List<String> reconnected = listen("/api/stream/cases", api.token("w015"));
            await().atMost(Duration.ofSeconds(10)).until(() -> reconnected.contains(EventStreams.ENDED));
            assertThat(reconnected).as("a stream opened while stopping").doesNotContain("event:inbox");
        } finally {
            liveStreams.start();
        }
        List<String> again = listen("/api/stream/cases", api.token("w015"));
        await().atMost(Api.READ_MODEL_WITHIN).until(() -> again.contains("event:inbox"));
    }

    private List<String> listen(String path, String token) throws Exception {
        return streams.listen(path, token);
    }
}
