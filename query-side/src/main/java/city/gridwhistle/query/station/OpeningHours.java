package city.gridwhistle.query.station;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A station's daily hours in city time, to the minute. {@code opens == closes} is around the clock; {@code closes}
 * before {@code opens} crosses midnight (18:00–02:00 is open at 01:30, not at 02:30). The opening minute is open,
 * the closing minute is not. The same rule is answered in Java ({@link #isOpenAt}) and as an index filter
 * ({@link #openAt}) over the fields {@code opensMinute}, {@code closesMinute}, {@code allDay} and {@code overnight}.
 */
public record OpeningHours(int opensMinute, int closesMinute) {

    /** Stations keep the city's hours: Chengdu, China Standard Time all year. */
    public static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    public static OpeningHours of(LocalTime opens, LocalTime closes) {
        return new OpeningHours(minuteOfDay(opens), minuteOfDay(closes));
    }

    public boolean allDay() {
        return opensMinute == closesMinute;
    }

    public boolean overnight() {
        return closesMinute < opensMinute;
    }

    public boolean isOpenAt(int minute) {
        if (allDay()) {
            return true;
        }
        return overnight() ? minute >= opensMinute || minute < closesMinute
                : minute >= opensMinute && minute < closesMinute;
    }

    public boolean isOpenAt(Instant instant) {
        return isOpenAt(minuteOfDay(instant));
    }

    /** The minute of the day in the city at this instant: 0 (00:00) … 1439 (23:59). */
    public static int minuteOfDay(Instant instant) {
        return minuteOfDay(instant.atZone(CITY).toLocalTime());
    }

    static int minuteOfDay(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    /** Stations whose hours include this minute of the day (whether out of service is a separate filter). */
    static Query openAt(int minute) {
        Query allDay = Query.of(q -> q.term(t -> t.field("allDay").value(true)));
        Query sameDay = Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("overnight").value(false)))
                .filter(f -> f.range(r -> r.number(n -> n.field("opensMinute").lte((double) minute))))
                .filter(f -> f.range(r -> r.number(n -> n.field("closesMinute").gt((double) minute))))));
        Query overnight = Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("overnight").value(true)))
                .should(s -> s.range(r -> r.number(n -> n.field("opensMinute").lte((double) minute))))
                .should(s -> s.range(r -> r.number(n -> n.field("closesMinute").gt((double) minute))))
                .minimumShouldMatch("1")));
        return Query.of(q -> q.bool(b -> b.should(allDay).should(sameDay).should(overnight).minimumShouldMatch("1")));
    }
}
