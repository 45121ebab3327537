package city.gridwhistle.web.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each instance projects only its own segments, so live pages need word from the others: an instance tells the
 * others which cases it projected (PostgreSQL NOTIFY), and a subscriber here hears of a case another instance
 * projected. The other instance is played by the test, speaking on the same channel.
 */
@IntegrationTest
class LiveUpdatesAcrossInstancesIntegrationTest {

    /** Inside 团结社区03网格 (W014). */
    private static final double[] TUANJIE_03 = {30.87954, 104.25053};

    @Autowired
    private TestRestTemplate server;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DataSource dataSource;
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
    void theOtherInstancesAreToldWhichCasesThisOneProjected() throws Exception {
        Api api = new Api(server);
        try (Connection other = dataSource.getConnection(); Statement listen = other.createStatement()) {
            other.setAutoCommit(true);
            listen.execute("listen gw_cases_changed");
            String caseId = api.fileCase("C0105", TUANJIE_03, "消防栓漏水 instancezq23", "r023");

            PGConnection postgres = other.unwrap(PGConnection.class);
            List<String> heard = new CopyOnWriteArrayList<>();
            await().atMost(Api.READ_MODEL_WITHIN).until(() -> {
                PGNotification[] notifications = postgres.getNotifications(500);
                if (notifications != null) {
                    for (PGNotification n : notifications) {
                        heard.add(n.getParameter());
                    }
                }
                return heard.stream().anyMatch(payload -> payload.contains(caseId));
            });
        }
    }

    @Test
    void aSubscriberHereHearsOfACaseAnotherInstanceProjected() throws Exception {
        Api api = new Api(server);
        String caseId = api.fileCase("C0203", TUANJIE_03, "护栏松动 instancezq24", "r024");
        api.awaitStatus(caseId, "DISPATCHED");

        List<String> inbox = listen("/api/stream/cases", api.token("w014"));
        await().atMost(Api.READ_MODEL_WITHIN).until(() -> inbox.contains("event:inbox"));
        // this instance's own word of the case came before the subscription: anything now comes from elsewhere
        inbox.clear();

        jdbc.queryForObject("select pg_notify('gw_cases_changed', ?)", Object.class, "another-instance|" + caseId);

        await().atMost(Api.READ_MODEL_WITHIN).until(() -> inbox.stream().anyMatch(
                line -> line.startsWith("data:") && line.contains(caseId)));
        assertThat(inbox).contains("event:case");
    }

    private List<String> listen(String path, String token) throws Exception {
        return streams.listen(path, token);
    }
}
