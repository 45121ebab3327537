package city.gridwhistle.web.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import city.gridwhistle.query.live.InstanceSignals;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
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
 * projected; the same for riders' notifications, whose live inboxes may be open on any instance. The other
 * instance is played by the test, speaking on the same channel.
 */
@IntegrationTest
class LiveUpdatesAcrossInstancesIntegrationTest {

    /** Inside 团结社区03网格 (W014). */
    private static final double[] TUANJIE_03 = {30.87954, 104.25053};
    private static final String RIDER = "r029";

    @Autowired
    private TestRestTemplate server;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private InstanceSignals signals;
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
        try (Heard heard = new Heard("gw_cases_changed")) {
            String caseId = api.fileCase("C0105", TUANJIE_03, "消防栓漏水 instancezq23", "r023");

            heard.awaitUntil(messages -> messages.stream().anyMatch(message -> message.contains(caseId)));
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

    @Test
    void aRiderWithTheInboxOpenHearsOfEachChangeToTheirCaseAndNobodyElseDoes() throws Exception {
        Api api = new Api(server);
        List<String> mine = listen("/api/notifications/stream", api.token(RIDER));
        List<String> another = listen("/api/notifications/stream", api.token("r030"));
        await().atMost(Api.READ_MODEL_WITHIN).until(() -> mine.contains("event:inbox") && another.contains("event:inbox"));

        String caseId = api.fileCase("C0302", TUANJIE_03, "垃圾箱倒在路边 inboxlive29", RIDER);

        await().atMost(Api.READ_MODEL_WITHIN).until(() -> notificationsOf(mine, caseId).stream()
                .anyMatch(line -> line.contains("\"status\":\"DISPATCHED\"")));
        assertThat(notificationsOf(mine, caseId)).anyMatch(line -> line.contains("\"status\":\"REGISTERED\""));
        assertThat(another).noneMatch(line -> line.contains(caseId));
    }

    @Test
    void theOtherInstancesAreToldWhichNotificationsThisOneProjected() throws Exception {
        Api api = new Api(server);
        try (Heard heard = new Heard("gw_rider_notification")) {
            String caseId = api.fileCase("E0103", TUANJIE_03, "路面油污很滑 inboxsignal29", RIDER);
            api.awaitStatus(caseId, "DISPATCHED");
            List<String> ids = await().atMost(Api.READ_MODEL_WITHIN).until(() -> notificationIds(api, caseId),
                    found -> found.size() >= 2);

            heard.awaitUntil(messages -> messages.stream().flatMap(message -> InstanceSignals.items(message).stream())
                    .toList().containsAll(ids));
        }
    }

    @Test
    void aRiderHereHearsOfNotificationsAnotherInstanceProjected() throws Exception {
        Api api = new Api(server);
        String caseId = api.fileCase("E0302", TUANJIE_03, "井盖松动会响 inboxelsewhere29", RIDER);
        List<String> ids = await().atMost(Api.READ_MODEL_WITHIN).until(() -> notificationIds(api, caseId),
                found -> found.size() >= 2);
        List<String> inbox = listen("/api/notifications/stream", api.token(RIDER));
        await().atMost(Api.READ_MODEL_WITHIN).until(() -> inbox.contains("event:inbox"));
        inbox.clear();

        jdbc.queryForObject("select pg_notify('gw_rider_notification', ?)", Object.class,
                "another-instance|" + String.join(",", ids));

        await().atMost(Api.READ_MODEL_WITHIN).until(() -> ids.stream().allMatch(
                id -> inbox.stream().anyMatch(line -> line.startsWith("data:") && line.contains(id))));
        assertThat(inbox).contains("event:notification");
    }

    @Test
    void manyThingsToldAtOnceTravelInAsFewSignalsAsFitUnderPostgresLimit() throws Exception {
        List<String> items = IntStream.range(0, 600).mapToObj(i -> UUID.randomUUID().toString()).toList();
        try (Heard heard = new Heard("gw_test_many")) {
            signals.tellAll("gw_test_many", items);

            List<String> messages = heard.awaitUntil(heardSoFar -> heardSoFar.stream()
                    .mapToInt(message -> InstanceSignals.items(message).size()).sum() >= items.size());
            assertThat(messages.stream().flatMap(message -> InstanceSignals.items(message).stream()))
                    .containsExactlyElementsOf(items);
            assertThat(messages).hasSize((int) Math.ceil(items.size() * 37.0 / InstanceSignals.MAX_MESSAGE))
                    .allMatch(message -> message.length() <= InstanceSignals.MAX_MESSAGE);
        }
    }

    /**
     * Another instance's ear: a connection of its own listening on a channel, keeping each message heard without
     * its sender's prefix. It stops listening before the connection goes back to the pool.
     */
    private final class Heard implements AutoCloseable {

        private final Connection connection;
        private final String channel;
        private final List<String> messages = new CopyOnWriteArrayList<>();

        Heard(String channel) throws SQLException {
            this.channel = channel;
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (Statement listen = connection.createStatement()) {
                listen.execute("listen " + channel);
            }
        }

        List<String> awaitUntil(Predicate<List<String>> enough) {
            await().atMost(Api.READ_MODEL_WITHIN).until(() -> {
                PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(500);
                for (PGNotification n : notifications == null ? new PGNotification[0] : notifications) {
                    if (n.getName().equals(channel)) {
                        messages.add(n.getParameter().substring(n.getParameter().indexOf('|') + 1));
                    }
                }
                return enough.test(messages);
            });
            return messages;
        }

        @Override
        public void close() throws SQLException {
            try (Statement unlisten = connection.createStatement()) {
                unlisten.execute("unlisten *");
            } finally {
                connection.close();
            }
        }
    }

    /** The {@code data:} lines of notification events about a case. */
    private static List<String> notificationsOf(List<String> lines, String caseId) {
        List<String> found = new java.util.ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i - 1).equals("event:notification") && lines.get(i).contains(caseId)) {
                found.add(lines.get(i));
            }
        }
        return found;
    }

    private List<String> notificationIds(Api api, String caseId) {
        JsonNode inbox = api.as(RIDER).getForObject("/api/notifications?size=100", JsonNode.class);
        return StreamSupport.stream(inbox.path("items").spliterator(), false)
                .filter(n -> n.path("caseId").asText().equals(caseId)).map(n -> n.path("id").asText()).toList();
    }

    private List<String> listen(String path, String token) throws Exception {
        return streams.listen(path, token);
    }
}
