package city.gridwhistle.query.station;

import city.gridwhistle.api.rider.StationView;
import city.gridwhistle.api.shared.GeoPoint;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A station as indexed. {@link #version} is the sequence number of the last event folded in; the hours are kept as
 * text for reading and as minutes of the day with two flags for the "open at" filter.
 */
public class StationDocument {

    /** Elasticsearch's geo_point as an object: {@code {"lat":..,"lon":..}}. */
    public record Location(double lat, double lon) {
    }

    public String stationId;
    public String name;
    public String address;
    public String operator;
    public Location location;
    public List<String> services = new ArrayList<>();
    public String opens;
    public String closes;
    public int opensMinute;
    public int closesMinute;
    public boolean allDay;
    public boolean overnight;
    public boolean closed;
    public String closedReason;
    public Instant closedAt;
    public long version = -1;

    void details(String name, String address, GeoPoint location, Set<String> services, LocalTime opens,
                 LocalTime closes, String operator) {
        this.name = name;
        this.address = address;
        this.location = new Location(location.lat(), location.lon());
        this.services = services.stream().sorted().toList();
        this.opens = opens.toString();
        this.closes = closes.toString();
        OpeningHours hours = OpeningHours.of(opens, closes);
        this.opensMinute = hours.opensMinute();
        this.closesMinute = hours.closesMinute();
        this.allDay = hours.allDay();
        this.overnight = hours.overnight();
        this.operator = operator;
    }

    GeoPoint point() {
        return new GeoPoint(location.lat(), location.lon());
    }

    /** Open at the instant: within its hours and not out of service. */
    boolean isOpenAt(Instant instant) {
        return !closed && new OpeningHours(opensMinute, closesMinute).isOpenAt(instant);
    }

    StationView toView(Instant at) {
        return new StationView(stationId, name, address, point(), List.copyOf(services), LocalTime.parse(opens),
                LocalTime.parse(closes), operator, closed, closedReason, closedAt, isOpenAt(at));
    }
}
