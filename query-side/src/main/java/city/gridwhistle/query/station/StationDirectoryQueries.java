package city.gridwhistle.query.station;

import city.gridwhistle.api.rider.FindNearestStationsQuery;
import city.gridwhistle.api.rider.FindStationQuery;
import city.gridwhistle.api.rider.FindStationsInBoxQuery;
import city.gridwhistle.api.rider.NearbyStation;
import city.gridwhistle.api.rider.NearestStations;
import city.gridwhistle.api.rider.StationView;
import city.gridwhistle.api.rider.StationsInBox;
import city.gridwhistle.api.shared.GeoPoint;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers the station queries from the {@code stations} index. Distances are great-circle (haversine) metres from
 * the point asked about; "open" is judged at the instant asked about, or now, in city time.
 */
@Component
public class StationDirectoryQueries {

    private final ElasticsearchClient client;
    private final StationIndex index;
    private final StationDocumentStore store;
    private final Clock clock;

    public StationDirectoryQueries(ElasticsearchClient client, StationIndex index, StationDocumentStore store,
                                   Optional<Clock> clock) {
        this.client = client;
        this.index = index;
        this.store = store;
        this.clock = clock.orElseGet(Clock::systemUTC);
    }

    @QueryHandler
    public Optional<StationView> handle(FindStationQuery query) {
        Instant at = atOrNow(query.at());
        return store.find(query.stationId()).map(doc -> doc.toView(at));
    }

    @QueryHandler
    public NearestStations handle(FindNearestStationsQuery query) {
        index.ensureReady();
        Instant at = atOrNow(query.at());
        GeoPoint from = query.point();
        List<Query> filters = serviceFilters(query.services());
        if (query.openOnly()) {
            filters.add(OpeningHours.openAt(OpeningHours.minuteOfDay(at)));
            filters.add(Query.of(q -> q.term(t -> t.field("closed").value(false))));
        }
        int size = Math.clamp(query.limit(), 1, FindNearestStationsQuery.MAX_LIMIT);
        try {
            var response = client.search(s -> s
                    .index(StationIndex.ALIAS)
                    .query(q -> q.bool(b -> b.filter(filters)))
                    .sort(o -> o.geoDistance(g -> g.field("location")
                            .location(l -> l.latlon(ll -> ll.lat(from.lat()).lon(from.lon())))
                            .order(SortOrder.Asc)))
                    .sort(o -> o.field(f -> f.field("stationId").order(SortOrder.Asc)))
                    .size(size), StationDocument.class);
            return new NearestStations(response.hits().hits().stream()
                    .map(Hit::source)
                    .map(doc -> new NearbyStation(doc.toView(at), (int) Math.round(from.distanceMetersTo(doc.point()))))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @QueryHandler
    public StationsInBox handle(FindStationsInBoxQuery query) {
        index.ensureReady();
        Instant at = atOrNow(query.at());
        List<Query> filters = serviceFilters(query.services());
        filters.add(Query.of(q -> q.geoBoundingBox(g -> g.field("location").boundingBox(box -> box.tlbr(c -> c
                .topLeft(l -> l.latlon(ll -> ll.lat(query.northWest().lat()).lon(query.northWest().lon())))
                .bottomRight(l -> l.latlon(ll -> ll.lat(query.southEast().lat()).lon(query.southEast().lon()))))))));
        try {
            var response = client.search(s -> s
                    .index(StationIndex.ALIAS)
                    .query(q -> q.bool(b -> b.filter(filters)))
                    .sort(o -> o.field(f -> f.field("stationId").order(SortOrder.Asc)))
                    .size(FindStationsInBoxQuery.MAX_STATIONS), StationDocument.class);
            return new StationsInBox(response.hits().hits().stream().map(hit -> hit.source().toView(at)).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every service asked for must be offered. */
    private static List<Query> serviceFilters(Set<String> services) {
        List<Query> filters = new ArrayList<>();
        services.forEach(service -> filters.add(Query.of(q -> q.term(t -> t.field("services")
                .value(service.strip().toUpperCase(Locale.ROOT))))));
        return filters;
    }

    private Instant atOrNow(Instant at) {
        return at != null ? at : clock.instant();
    }
}
