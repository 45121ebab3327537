package city.gridwhistle.web;

import city.gridwhistle.api.casework.GeoScope;
import city.gridwhistle.api.casework.SearchCasesQuery;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.web.problem.InvalidParameterException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Request parameters the API reads in several places, each failure naming the parameter. */
public final class RequestValues {

    /** The widest circle searched, in metres. */
    public static final int MAX_RADIUS_METERS = 50_000;

    /** Dates without a time are days in the city's time zone. */
    public static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private RequestValues() {
    }

    /** An ISO instant, or a date meaning the start of that day in the city; null stays null. */
    public static Instant instant(String parameter, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(CITY).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(parameter,
                    "expected a date (2026-11-29) or an instant (2026-11-29T08:00:00Z)");
        }
    }

    /** Free text to search for, at most {@link SearchCasesQuery#MAX_TEXT_LENGTH} characters; null stays null. */
    public static String searchText(String parameter, String text) {
        if (text != null && text.length() > SearchCasesQuery.MAX_TEXT_LENGTH) {
            throw new InvalidParameterException(parameter, "search for at most " + SearchCasesQuery.MAX_TEXT_LENGTH
                    + " characters");
        }
        return text;
    }

    /**
     * {@code lat,lon,radiusMeters}: a circle of 1..{@value #MAX_RADIUS_METERS} metres around a point on the globe.
     * The API's search and the supervisor's page read it alike.
     */
    public static GeoScope circle(String parameter, String text) {
        String[] parts = text.split(",");
        if (parts.length != 3) {
            throw new InvalidParameterException(parameter, "expected lat,lon,radiusMeters");
        }
        int radius;
        try {
            radius = Integer.parseInt(parts[2].trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(parameter, "the radius is a whole number of metres");
        }
        if (radius <= 0 || radius > MAX_RADIUS_METERS) {
            throw new InvalidParameterException(parameter, "the radius is 1.." + MAX_RADIUS_METERS + " metres");
        }
        return GeoScope.within(point(parameter, parts[0] + "," + parts[1]), radius);
    }

    /** {@code lat,lon}. */
    public static GeoPoint point(String parameter, String text) {
        String[] parts = text.split(",");
        if (parts.length != 2) {
            throw new InvalidParameterException(parameter, "expected lat,lon");
        }
        try {
            return new GeoPoint(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(parameter, "expected numbers");
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(parameter, e.getMessage());
        }
    }
}
