package city.gridwhistle.web.stations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Riders find the rider stations (暖"新"驿站) of the demo city (gridwhistle/demo/stations.json) over HTTP, and
 * administrators manage stations of their own (S9xx, far from the demo city, at 31.0 N 105.0 E). Distances are
 * checked by hand: 0.001° of latitude is 111.195 m, 0.001° of longitude at 30.61° N is 111.195 × cos 30.61°
 * (0.86066) = 95.70 m; "at" instants are UTC, city time is UTC+8.
 */
@IntegrationTest
class RiderStationsIntegrationTest {

    /** 粮丰社区02网格 (DemoCity.LIANGFENG_02): 30.610096, 104.127508. */
    private static final String LIANGFENG = "lat=30.610096&lon=104.127508";
    private static final String NOON = "2026-12-02T04:00:00Z";
    private static final String HALF_PAST_ONE_AT_NIGHT = "2026-12-01T17:30:00Z";
    private static final String HALF_PAST_TWO_AT_NIGHT = "2026-12-01T18:30:00Z";

    @Autowired
    private TestRestTemplate server;
    private Api api;
    private TestRestTemplate rider;
    private TestRestTemplate admin;

    @BeforeEach
    void signIn() {
        api = new Api(server);
        rider = api.as("r001");
        admin = api.as("admin");
    }

    @Test
    void riderFindsTheNearestDemoStationsOpenAtNoonWithTheirDistances() {
        JsonNode nearest = awaitStations("/api/stations/nearest?" + LIANGFENG + "&limit=3&openNow=true&at=" + NOON,
                found -> found.size() == 3);

        // S001 (30.611073, 104.127363), 24 h: north 0.000977° = 108.64 m, west 0.000145° = 13.88 m → √(108.64² + 13.88²) = 109.52 m
        // S002 (30.609933, 104.128812), 08–22: south 0.000163° = 18.12 m, east 0.001304° = 124.79 m → 126.10 m
        // S003 (30.615043, 104.129801), 18–02: closed at noon (592.24 m)
        // S004 (30.604668, 104.121763), 07–21: south 0.005428° = 603.57 m, west 0.005745° = 549.80 m → 816.44 m
        assertThat(ids(nearest)).containsExactly("S001", "S002", "S004");
        assertThat(nearest.get(0).path("distanceMeters").asDouble()).isCloseTo(109.52, within(1.0));
        assertThat(nearest.get(1).path("distanceMeters").asDouble()).isCloseTo(126.10, within(1.0));
        assertThat(nearest.get(2).path("distanceMeters").asDouble()).isCloseTo(816.44, within(1.0));
        assertThat(nearest.get(0).path("station").path("name").asText()).isEqualTo("粮丰社区暖新驿站");
        assertThat(nearest.get(0).path("station").path("open").asBoolean()).isTrue();
    }

    @Test
    void atHalfPastOneAtNightTheStationOpenFromSixPmToTwoAmIsOpen() {
        JsonNode nearest = awaitStations("/api/stations/nearest?" + LIANGFENG + "&limit=2&openNow=true&at="
                + HALF_PAST_ONE_AT_NIGHT, found -> found.size() == 2);

        // S003 (18:00–02:00): north 0.004947° = 550.08 m, east 0.002293° = 219.44 m → √(550.08² + 219.44²) = 592.24 m
        assertThat(ids(nearest)).containsExactly("S001", "S003");
        assertThat(nearest.get(1).path("distanceMeters").asDouble()).isCloseTo(592.24, within(1.0));
    }

    @Test
    void atHalfPastTwoAtNightItHasClosedAndOnlyAroundTheClockStationsAreOpen() {
        JsonNode nearest = awaitStations("/api/stations/nearest?" + LIANGFENG + "&limit=2&openNow=true&at="
                + HALF_PAST_TWO_AT_NIGHT, found -> found.size() == 2);

        // the next station open around the clock is S007 in 书房社区, about 12.9 km east
        assertThat(ids(nearest)).containsExactly("S001", "S007");
    }

    @Test
    void riderFiltersByService() {
        JsonNode nearest = awaitStations("/api/stations/nearest?" + LIANGFENG + "&limit=2&service=battery_swap",
                found -> found.size() == 2);

        assertThat(ids(nearest)).containsExactly("S001", "S004");
        assertThat(ids(awaitStations("/api/stations/nearest?" + LIANGFENG
                + "&limit=3&service=BATTERY_SWAP&service=TOILET", found -> found.size() == 3)).get(0)).isEqualTo("S001");
    }

    @Test
    void aMapGetsEveryStationInItsBoundingBox() {
        ResponseEntity<JsonNode> box = await().atMost(Api.READ_MODEL_WITHIN).until(
                () -> rider.getForEntity("/api/stations?bbox=30.62,104.12,30.60,104.135", JsonNode.class),
                response -> response.getStatusCode() == HttpStatus.OK
                        && response.getBody().path("stations").size() == 4);

        List<String> ids = new ArrayList<>();
        box.getBody().path("stations").forEach(station -> ids.add(station.path("stationId").asText()));
        assertThat(ids).containsExactly("S001", "S002", "S003", "S004");
        assertThat(rider.getForEntity("/api/stations?bbox=30.60,104.12,30.62,104.135", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void anyoneSignedInReadsAStationByIdAndAnUnknownOneIsNotFound() {
        JsonNode station = await().atMost(Api.READ_MODEL_WITHIN).until(
                () -> api.as("w001").getForEntity("/api/stations/S003?at=" + HALF_PAST_ONE_AT_NIGHT, JsonNode.class),
                response -> response.getStatusCode() == HttpStatus.OK).getBody();

        assertThat(station.path("opens").asText()).startsWith("18:00");
        assertThat(station.path("closes").asText()).startsWith("02:00");
        assertThat(station.path("open").asBoolean()).isTrue();
        assertThat(rider.getForEntity("/api/stations/S999", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(server.getForEntity("/api/stations/S003", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void badQueriesAreAnsweredWithTheParameterAtFault() {
        ResponseEntity<JsonNode> tooMany = rider.getForEntity("/api/stations/nearest?" + LIANGFENG + "&limit=500",
                JsonNode.class);
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooMany.getBody().path("errors").get(0).path("field").asText()).isEqualTo("limit");

        ResponseEntity<JsonNode> badInstant = rider.getForEntity("/api/stations/nearest?" + LIANGFENG + "&at=tonight",
                JsonNode.class);
        assertThat(badInstant.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badInstant.getBody().path("errors").get(0).path("field").asText()).isEqualTo("at");

        assertThat(rider.getForEntity("/api/stations/nearest?lat=91&lon=104", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void onlyAdministratorsManageStations() {
        Map<String, Object> station = station("S950", "骑手之家", 31.2, 105.2, List.of("CHARGING"), "08:00", "20:00");
        for (String caller : List.of("r001", "w001", "supervisor")) {
            TestRestTemplate http = api.as(caller);
            assertThat(http.postForEntity("/api/admin/stations", station, JsonNode.class).getStatusCode())
                    .as("%s registers", caller).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.exchange("/api/admin/stations/S001", HttpMethod.PUT, new HttpEntity<>(station),
                    JsonNode.class).getStatusCode()).as("%s updates", caller).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.postForEntity("/api/admin/stations/S001/close", Map.of("reason", "试试"), JsonNode.class)
                    .getStatusCode()).as("%s closes", caller).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.postForEntity("/api/admin/stations/S001/reopen", null, JsonNode.class).getStatusCode())
                    .as("%s reopens", caller).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(rider.getForEntity("/api/stations/S950", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void administratorRegistersUpdatesClosesAndReopensAStationAndTheDirectoryFollows() {
        // Q = (31.0005, 105.0): S901 0.0005° south = 55.60 m, S902 0.0015° north = 166.79 m
        String nearQ = "/api/stations/nearest?lat=31.0005&lon=105.0&limit=2&at=" + NOON;
        register(station("S901", "江源暖新驿站", 31.000, 105.000, List.of("CHARGING", "HOT_WATER"), "08:00", "20:00"));
        register(station("S902", "江源夜间驿站", 31.002, 105.000, List.of("charging"), "00:00", "24:00"));

        JsonNode before = awaitStations(nearQ, found -> ids(found).equals(List.of("S901", "S902")));
        assertThat(before.get(0).path("distanceMeters").asDouble()).isCloseTo(55.60, within(1.0));
        assertThat(before.get(1).path("distanceMeters").asDouble()).isCloseTo(166.79, within(1.0));

        // moved 0.0025° north of Q = 277.99 m, open 18:00–02:00, microwave only
        Map<String, Object> moved = station(null, "江源暖新驿站（新址）", 31.003, 105.000, List.of("MICROWAVE"),
                "18:00", "02:00");
        assertThat(admin.exchange("/api/admin/stations/S901", HttpMethod.PUT, new HttpEntity<>(moved), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode after = awaitStations(nearQ, found -> ids(found).equals(List.of("S902", "S901")));
        assertThat(after.get(1).path("distanceMeters").asDouble()).isCloseTo(277.99, within(1.0));
        assertThat(after.get(1).path("station").path("name").asText()).isEqualTo("江源暖新驿站（新址）");
        assertThat(ids(awaitStations("/api/stations/nearest?lat=31.0005&lon=105.0&limit=1&service=MICROWAVE",
                found -> true))).containsExactly("S901");
        assertThat(ids(awaitStations("/api/stations/nearest?lat=31.0005&lon=105.0&limit=2&openNow=true&at="
                + HALF_PAST_ONE_AT_NIGHT, found -> true))).containsExactly("S902", "S901");

        assertThat(ids(rider.getForObject(nearQ + "&openNow=true", JsonNode.class).path("stations")).getFirst())
                .isEqualTo("S902");
        assertThat(admin.postForEntity("/api/admin/stations/S902/close", Map.of("reason", "停电检修"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        // open stations farther away (the demo city's) fill the places: only S902 must be gone
        awaitStations(nearQ + "&openNow=true", found -> !ids(found).contains("S902"));
        JsonNode closed = rider.getForObject("/api/stations/S902", JsonNode.class);
        assertThat(closed.path("closed").asBoolean()).isTrue();
        assertThat(closed.path("closedReason").asText()).isEqualTo("停电检修");
        assertThat(closed.path("open").asBoolean()).isFalse();
        assertThat(ids(rider.getForObject(nearQ, JsonNode.class).path("stations")))
                .as("an out-of-service station is still listed when open ones are not asked for")
                .containsExactly("S902", "S901");

        assertThat(admin.postForEntity("/api/admin/stations/S902/reopen", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        awaitStations(nearQ + "&openNow=true", found -> ids(found).indexOf("S902") == 0);
    }

    @Test
    void registeringIsIdempotentAndAdministratorsMistakesAreNamed() {
        register(station("S903", "重复驿站", 31.1, 105.1, List.of(), "08:00", "20:00"));

        register(station("S903", "重复驿站", 31.1, 105.1, List.of(), "08:00", "20:00"));
        ResponseEntity<JsonNode> another = admin.postForEntity("/api/admin/stations",
                station("S903", "另一个驿站", 31.1, 105.1, List.of(), "08:00", "20:00"), JsonNode.class);
        assertThat(another.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(another.getBody().path("type").asText()).isEqualTo("/problems/station-exists");

        ResponseEntity<JsonNode> unknown = admin.postForEntity("/api/admin/stations/S999/reopen", null, JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().path("detail").asText()).isEqualTo("no such station");

        ResponseEntity<JsonNode> badHours = admin.postForEntity("/api/admin/stations",
                station("S904", "驿站", 31.1, 105.1, List.of(), "8 点", "20:00"), JsonNode.class);
        assertThat(badHours.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badHours.getBody().path("errors").get(0).path("field").asText()).isEqualTo("opens");

        ResponseEntity<JsonNode> noReason = admin.postForEntity("/api/admin/stations/S903/close", Map.of(),
                JsonNode.class);
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().path("errors").get(0).path("field").asText()).isEqualTo("reason");
    }

    @Test
    void aStationFaultIsACaseRoutedToTheCellTheStationLiesIn() {
        // S009 大弯街道团结社区暖新驿站 (30.879658, 104.249587) lies inside 团结社区02网格
        String caseId = api.fileCase("C0601", new double[] {30.879658, 104.249587}, "驿站充电柜故障，无法充电", "r021");

        JsonNode filed = api.awaitCase(caseId, c -> c.path("cell").path("cellCode").asText().equals("51011300100102"));
        assertThat(filed.path("categoryCode").asText()).isEqualTo("C0601");
        assertThat(filed.path("categoryZh").asText()).isEqualTo("骑手驿站设施");
    }

    private void register(Map<String, Object> station) {
        ResponseEntity<JsonNode> registered = admin.postForEntity("/api/admin/stations", station, JsonNode.class);
        assertThat(registered.getStatusCode()).as("registering: %s", registered.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(registered.getHeaders().getLocation()).hasToString("/api/stations/" + station.get("stationId"));
    }

    /** The stations of a nearest-station answer, once the directory has caught up with what is expected. */
    private JsonNode awaitStations(String path, Predicate<JsonNode> expected) {
        return await().atMost(Api.READ_MODEL_WITHIN).until(() -> rider.getForEntity(path, JsonNode.class),
                response -> response.getStatusCode() == HttpStatus.OK
                        && expected.test(response.getBody().path("stations"))).getBody().path("stations");
    }

    private static List<String> ids(JsonNode stations) {
        List<String> ids = new ArrayList<>();
        stations.forEach(nearby -> ids.add(nearby.path("station").path("stationId").asText()));
        return ids;
    }

    private static Map<String, Object> station(String id, String name, double lat, double lon, List<String> services,
                                               String opens, String closes) {
        Map<String, Object> station = new HashMap<>(Map.of("name", name, "address", "四川省成都市", "lat", lat,
                "lon", lon, "services", services, "opens", opens, "closes", closes, "operator", "测试运营方"));
        if (id != null) {
            station.put("stationId", id);
        }
        return station;
    }
}
