package city.gridwhistle.web.open311;

import city.gridwhistle.web.RequestValues;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Times as Open311 writes them: ISO 8601 to the second, in the city's zone, with its offset. */
final class Open311Times {

    private Open311Times() {
    }

    static String format(Instant instant) {
        return instant == null ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        instant.truncatedTo(ChronoUnit.SECONDS).atZone(RequestValues.CITY));
    }
}
