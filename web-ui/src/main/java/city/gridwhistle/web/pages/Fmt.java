package city.gridwhistle.web.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Times on the pages: always in the city's time zone (Asia/Shanghai), whatever the server's or the phone's,
 * written the way the user's language writes them. Templates call it as {@code ${@fmt.dateTime(instant)}}.
 */
@Component("fmt")
public class Fmt {

    public static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    public String dateTime(Instant instant) {
        return instant == null ? "" : formatter(FormatStyle.MEDIUM, FormatStyle.SHORT).format(instant);
    }

    public String date(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale()).withZone(CITY).format(instant);
    }

    /** Machine-readable, for {@code <time datetime>} and the countdown script. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** The category's name in the user's language. */
    public String pick(String zh, String en) {
        boolean english = "en".equals(locale().getLanguage());
        String chosen = english ? en : zh;
        return chosen == null || chosen.isBlank() ? (english ? zh : en) : chosen;
    }

    public boolean english() {
        return "en".equals(locale().getLanguage());
    }

    private static DateTimeFormatter formatter(FormatStyle date, FormatStyle time) {
        return DateTimeFormatter.ofLocalizedDateTime(date, time).withLocale(locale()).withZone(CITY);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
