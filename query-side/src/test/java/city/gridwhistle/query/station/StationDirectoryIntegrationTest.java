package city.gridwhistle.query.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import city.gridwhistle.api.rider.FindNearestStationsQuery;
import city.gridwhistle.api.rider.FindStationQuery;
import city.gridwhistle.api.rider.FindStationsInBoxQuery;
import city.gridwhistle.api.rider.NearbyStation;
import city.gridwhistle.api.rider.StationClosedEvent;
import city.gridwhistle.api.rider.StationDetailsUpdatedEvent;
import city.gridwhistle.api.rider.StationRegisteredEvent;
import city.gridwhistle.api.rider.StationReopenedEvent;
import city.gridwhistle.api.rider.StationView;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.query.TestSearchNode;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The station directory against a real Elasticsearch node and the checked-in index definition, filled through the
 * projection. Five stations around P = (30.600000, 104.100000); the expected distances are worked out by hand:
 * <ul>
 *   <li>0.001° of latitude is R·π/180·0.001 = 6 371 008.8 m × 1.745329e-5 = 111.195 m;</li>
 *   <li>0.001° of longitude at 30.6° N is 111.195 m × cos 30.6° (0.860742) = 95.710 m;</li>
 *   <li>over a few hundred metres the haversine and this flat measure agree to well under a centimetre.</li>
 * </ul>
 */
class StationDirectoryIntegrationTest {

    private static final GeoPoint P = new GeoPoint(30.600000, 104.100000);

    /** 0.001° east of P: 95.710 m. Open 08:00–22:00. */
    private static final StationRegisteredEvent EAST = station("S901", 30.600000, 104.101000,
            Set.of("CHARGING", "HOT_WATER"), "08:00", "22:00");
    /** 0.001° north of P: 111.195 m. Open 18:00–02:00, across midnight. */
    private static final StationRegisteredEvent NORTH = station("S902", 30.601000, 104.100000,
            Set.of("CHARGING", "MICROWAVE"), "18:00", "02:00");
    /** 0.002° north and east: √(222.390² + 191.420²) = √86 098.9 = 293.43 m. Around the clock. */
    private static final StationRegisteredEvent NORTH_EAST = station("S903", 30.602000, 104.102000,
            Set.of("BATTERY_SWAP", "FIRST_AID"), "00:00", "00:00");
    /** 0.003° west: 3 × 95.710 = 287.13 m. Around the clock, but out of service (closed below). */
    private static final StationRegisteredEvent WEST = station("S904", 30.600000, 104.097000,
            Set.of("CHARGING", "FIRST_AID", "TOILET"), "00:00", "00:00");
    /** 0.010° north: 10 × 111.195 = 1 111.95 m. Open 06:00–20:00. */
    private static final StationRegisteredEvent FAR_NORTH = station("S905", 30.610000, 104.100000,
            Set.of("HOT_WATER"), "06:00", "20:00");

    /** 01:30 in Chengdu (UTC+8) on 2 December 2026. */
    private static final Instant HALF_PAST_ONE_AT_NIGHT = Instant.parse("2026-12-01T17:30:00Z");
    private static final Instant TWO_AT_NIGHT = Instant.parse("2026-12-01T18:00:00Z");
    private static final Instant HALF_PAST_TWO_AT_NIGHT = Instant.parse("2026-12-01T18:30:00Z");
    private static final Instant NOON = Instant.parse("2026-12-02T04:00:00Z");
    private static final Instant SIX_PM = Instant.parse("2026-12-02T10:00:00Z");

    private static ElasticsearchClient client;
    private static StationDirectoryProjection projection;
    private static StationDirectoryQueries queries;

    @BeforeAll
    static void registerFiveStations() throws IOException {
        client = TestSearchNode.client();
        if (client.indices().existsAlias(a -> a.name(StationIndex.ALIAS)).value()) {
            client.indices().delete(d -> d.index(StationIndex.FIRST_INDEX));
        }
        StationIndex index = new StationIndex(client);
        StationDocumentStore store = new StationDocumentStore(client, index);
        projection = new StationDirectoryProjection(store);
        queries = new StationDirectoryQueries(client, index, store, Optional.empty());
        for (StationRegisteredEvent registered : List.of(EAST, NORTH, NORTH_EAST, WEST, FAR_NORTH)) {
            projection.on(registered, 0);
        }
        projection.on(new StationClosedEvent("S904", "停电检修", Instant.parse("2026-12-01T00:00:00Z")), 1);
        refresh();
    }

    @Test
    void nearestStationsComeNearestFirstWithTheirDistanceInMetres() {
        List<NearbyStation> nearest = nearest(5, Set.of(), false, NOON);

        assertThat(nearest).extracting(n -> n.station().stationId())
                .containsExactly("S901", "S902", "S904", "S903", "S905");
        assertThat(nearest.get(0).distanceMeters()).isCloseTo(96, within(1));
        assertThat(nearest.get(1).distanceMeters()).isCloseTo(111, within(1));
        assertThat(nearest.get(2).distanceMeters()).isCloseTo(287, within(1));
        assertThat(nearest.get(3).distanceMeters()).isCloseTo(293, within(1));
        assertThat(nearest.get(4).distanceMeters()).isCloseTo(1112, within(1));
    }

    @Test
    void theLimitKeepsTheNearestOnly() {
        assertThat(nearest(2, Set.of(), false, NOON)).extracting(n -> n.station().stationId())
                .containsExactly("S901", "S902");
    }

    @Test
    void atHalfPastOneAtNightTheStationOpenAcrossMidnightAndTheAroundTheClockOneAreOpen() {
        assertThat(nearest(5, Set.of(), true, HALF_PAST_ONE_AT_NIGHT)).extracting(n -> n.station().stationId())
                .containsExactly("S902", "S903");
    }

    @Test
    void atTwoAtNightTheStationOpenTillTwoHasClosed() {
        assertThat(nearest(5, Set.of(), true, TWO_AT_NIGHT)).extracting(n -> n.station().stationId())
                .containsExactly("S903");
    }

    @Test
    void atHalfPastTwoAtNightOnlyTheAroundTheClockStationIsOpen() {
        assertThat(nearest(5, Set.of(), true, HALF_PAST_TWO_AT_NIGHT)).extracting(n -> n.station().stationId())
                .containsExactly("S903");
    }

    @Test
    void atNoonTheDaytimeStationsAreOpenAndTheEveningOneIsNot() {
        assertThat(nearest(5, Set.of(), true, NOON)).extracting(n -> n.station().stationId())
                .containsExactly("S901", "S903", "S905");
    }

    @Test
    void theOpeningMinuteIsOpen() {
        assertThat(nearest(5, Set.of(), true, SIX_PM)).extracting(n -> n.station().stationId())
                .containsExactly("S901", "S902", "S903", "S905");
    }

    @Test
    void anOutOfServiceStationIsNeverOpenThoughItsHoursAreAroundTheClock() {
        for (Instant at : List.of(HALF_PAST_ONE_AT_NIGHT, HALF_PAST_TWO_AT_NIGHT, NOON, SIX_PM)) {
            assertThat(nearest(5, Set.of(), true, at)).extracting(n -> n.station().stationId())
                    .as("at %s", at).doesNotContain("S904");
        }
        StationView west = queries.handle(new FindStationQuery("S904", NOON)).orElseThrow();
        assertThat(west.closed()).isTrue();
        assertThat(west.closedReason()).isEqualTo("停电检修");
        assertThat(west.open()).isFalse();
    }

    @Test
    void everyViewSaysWhetherTheStationIsOpenAtTheInstantAskedAbout() {
        assertThat(nearest(5, Set.of(), false, HALF_PAST_ONE_AT_NIGHT))
                .extracting(n -> n.station().stationId() + (n.station().open() ? " open" : " shut"))
                .containsExactly("S901 shut", "S902 open", "S904 shut", "S903 open", "S905 shut");
    }

    @Test
    void theServiceFilterKeepsStationsOfferingEveryServiceAskedFor() {
        assertThat(nearest(5, Set.of("CHARGING"), false, NOON)).extracting(n -> n.station().stationId())
                .containsExactly("S901", "S902", "S904");
        assertThat(nearest(5, Set.of("CHARGING", "FIRST_AID"), false, NOON)).extracting(n -> n.station().stationId())
                .containsExactly("S904");
        assertThat(nearest(5, Set.of("first_aid"), true, HALF_PAST_ONE_AT_NIGHT))
                .extracting(n -> n.station().stationId()).containsExactly("S903");
        assertThat(nearest(5, Set.of("WIFI"), false, NOON)).isEmpty();
    }

    @Test
    void aStationIsFoundByIdWithItsDetails() {
        StationView north = queries.handle(new FindStationQuery("S902", HALF_PAST_ONE_AT_NIGHT)).orElseThrow();

        assertThat(north.name()).isEqualTo("S902 驿站");
        assertThat(north.location()).isEqualTo(new GeoPoint(30.601, 104.100));
        assertThat(north.services()).containsExactly("CHARGING", "MICROWAVE");
        assertThat(north.opens()).isEqualTo(LocalTime.of(18, 0));
        assertThat(north.closes()).isEqualTo(LocalTime.of(2, 0));
        assertThat(north.open()).isTrue();
        assertThat(queries.handle(new FindStationQuery("S999", NOON))).isEmpty();
    }

    @Test
    void aMapGetsTheStationsInItsBoundingBox() {
        var inBox = queries.handle(new FindStationsInBoxQuery(new GeoPoint(30.6015, 104.0995),
                new GeoPoint(30.5995, 104.1015), Set.of(), NOON));

        assertThat(inBox.stations()).extracting(StationView::stationId).containsExactly("S901", "S902");
        assertThat(queries.handle(new FindStationsInBoxQuery(new GeoPoint(30.62, 104.09),
                new GeoPoint(30.59, 104.11), Set.of("FIRST_AID"), NOON)).stations())
                .extracting(StationView::stationId).containsExactly("S903", "S904");
    }

    @Test
    void aRedeliveredOrReplayedEventChangesNothing() throws IOException {
        StationRegisteredEvent registered = station("S906", 30.7, 104.2, Set.of("TOILET"), "08:00", "20:00");
        projection.on(registered, 0);
        projection.on(new StationDetailsUpdatedEvent("S906", "改名后的驿站", null, new GeoPoint(30.7, 104.2),
                Set.of("TOILET", "WIFI"), LocalTime.of(7, 0), LocalTime.of(23, 0), null), 1);
        projection.on(new StationClosedEvent("S906", "装修", NOON), 2);
        projection.on(new StationReopenedEvent("S906", SIX_PM), 3);

        projection.on(registered, 0);
        projection.on(new StationClosedEvent("S906", "装修", NOON), 2);
        refresh();

        try {
            StationView station = queries.handle(new FindStationQuery("S906", NOON)).orElseThrow();
            assertThat(station.name()).isEqualTo("改名后的驿站");
            assertThat(station.services()).containsExactly("TOILET", "WIFI");
            assertThat(station.opens()).isEqualTo(LocalTime.of(7, 0));
            assertThat(station.closed()).isFalse();
            assertThat(station.open()).isTrue();
        } finally {
            // the other tests count on the five stations around P being all there is
            client.delete(d -> d.index(StationIndex.ALIAS).id("S906"));
            refresh();
        }
    }

    private static List<NearbyStation> nearest(int limit, Set<String> services, boolean openOnly, Instant at) {
        return queries.handle(new FindNearestStationsQuery(P, limit, services, openOnly, at)).stations();
    }

    private static StationRegisteredEvent station(String id, double lat, double lon, Set<String> services,
                                                  String opens, String closes) {
        return new StationRegisteredEvent(id, id + " 驿站", "成都市", new GeoPoint(lat, lon), services,
                LocalTime.parse(opens), LocalTime.parse(closes), "测试运营方");
    }

    private static void refresh() throws IOException {
        client.indices().refresh(r -> r.index(StationIndex.ALIAS));
    }
}
