package city.gridwhistle.web.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request limits.
 *
 * @param jsonBody      the largest JSON body (reports, actions, settings)
 * @param gridBody      the largest body of {@code POST /api/admin/grid}: a city's grid as GeoJSON
 * @param formBody      the largest form body (sign-in, Open311 filings)
 * @param multipartBody the largest multipart body (a report and its photos: {@code gridwhistle.photos.max-count} ×
 *                      {@code max-bytes}, and room for the rest)
 * @param otherBody     the largest body of any other type
 * @param photosPerWindow photos one account may upload per {@code photoWindow}; 0 turns the limit off
 * @param photoWindow   the window of {@code photosPerWindow}
 * @param filingsPerWindow Open311 filings one API key may make per {@code filingWindow}; 0 turns it off
 * @param filingWindow  the window of {@code filingsPerWindow}
 */
@ConfigurationProperties("gridwhistle.limits")
public record LimitProperties(
        @DefaultValue("256KB") DataSize jsonBody,
        @DefaultValue("32MB") DataSize gridBody,
        @DefaultValue("64KB") DataSize formBody,
        @DefaultValue("60MB") DataSize multipartBody,
        @DefaultValue("1MB") DataSize otherBody,
        @DefaultValue("60") int photosPerWindow,
        @DefaultValue("10m") Duration photoWindow,
        @DefaultValue("600") int filingsPerWindow,
        @DefaultValue("10m") Duration filingWindow) {
}
