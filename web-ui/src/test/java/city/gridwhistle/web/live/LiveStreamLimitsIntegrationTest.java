package city.gridwhistle.web.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import city.gridwhistle.web.limits.LimitProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An account may hold a few live streams at once, the instance a bounded number in all (decision 0051): one more
 * than its share is 429, one more than the instance holds is 503, each a problem with {@code Retry-After}; and a
 * stream its client closed gives its slot back. The shared test context caps the instance at a few dozen streams
 * ({@link IntegrationTest}) and writes a heartbeat every second, so that closed streams are found within seconds.
 */
@IntegrationTest
class LiveStreamLimitsIntegrationTest {

    /** Grid workers no other test opens streams for (nor the other test here). */
    private static final List<String> WORKERS = List.of("w016", "w017", "w018", "w019", "w020", "w021", "w022",
            "w023", "w025", "w026", "w027");
    private static final Duration FOUND_CLOSED_WITHIN = Duration.ofSeconds(30);

    @Autowired
    private TestRestTemplate server;
    @Autowired
    private LiveStreams liveStreams;
    @Autowired
    private LimitProperties limits;
    @LocalServerPort
    private int port;

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
    void oneStreamMoreThanAnAccountMayHoldIsTooManyUntilOneOfThemCloses() throws Exception {
        Api api = new Api(server);
        String token = api.token("r047");
        List<List<String>> mine = new ArrayList<>();
        for (int i = 0; i < limits.streamsPerAccount(); i++) {
            mine.add(listen(token));
        }
        assertThat(liveStreams.openStreams("R047")).isEqualTo(limits.streamsPerAccount());

        EventStreams.Refusal refused = streams.refused("/api/stream/cases", token);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("/problems/too-many-streams");
        assertThat(liveStreams.openStreams("R047")).as("a refused stream holds no slot")
                .isEqualTo(limits.streamsPerAccount());
        // another account is not held back by this one's streams
        List<String> other = listen(api.token("r048"));

        streams.close(mine.remove(0));
        streams.close(other);
        await().atMost(FOUND_CLOSED_WITHIN).until(() -> liveStreams.openStreams("R047")
                == limits.streamsPerAccount() - 1 && liveStreams.openStreams("R048") == 0);
        listen(token);
    }

    @Test
    void oneStreamMoreThanTheInstanceHoldsIsUnavailableUntilStreamsClose() throws Exception {
        Api api = new Api(server);
        int before = liveStreams.openStreams();
        assertThat(WORKERS.size() * limits.streamsPerAccount()).as("accounts enough to fill the instance")
                .isGreaterThan(limits.streams() - before);
        // opened, at most each account's share, until the instance refuses (other tests' streams may still be
        // ending, so how many fit is not known in advance)
        List<List<String>> mine = new ArrayList<>();
        EventStreams.Refusal refused = null;
        String refusedAccount = null;
        for (int i = 0; refused == null && i < WORKERS.size() * limits.streamsPerAccount(); i++) {
            String worker = WORKERS.get(i / limits.streamsPerAccount());
            EventStreams.Attempt attempt = streams.attempt("/api/stream/cases", api.token(worker));
            if (attempt.lines() != null) {
                mine.add(attempt.lines());
            } else {
                refused = attempt.refusal();
                refusedAccount = worker;
            }
        }

        assertThat(refused).as("refused once the instance is full").isNotNull();
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("/problems/streams-full");
        assertThat(liveStreams.openStreams(refusedAccount.toUpperCase())).as("%s had room of its own", refusedAccount)
                .isLessThan(limits.streamsPerAccount());
        assertThat(mine.size()).isLessThanOrEqualTo(limits.streams());

        mine.forEach(streams::close);
        await().atMost(FOUND_CLOSED_WITHIN).until(() -> liveStreams.openStreams() <= before);
        List<String> again = listen(api.token(refusedAccount));
        await().atMost(Api.READ_MODEL_WITHIN).until(() -> again.contains("event:inbox"));
    }

    private List<String> listen(String token) throws Exception {
        return streams.listen("/api/stream/cases", token);
    }
}
