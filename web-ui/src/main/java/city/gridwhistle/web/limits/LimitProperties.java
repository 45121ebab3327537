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
 * @param streamsPerAccount live-update streams one account may hold open on one instance (its tabs and devices);
 *                      one more is refused with 429
 * @param streams       live-update streams one instance holds open in all; one more is refused with 503
 * @param streamQueue   updates waiting to be written to one stream; when they are this many, its client stopped
 *                      reading and the stream is dropped
 * @param streamSendTimeout how long one write to a stream may take before the stream is dropped
 * @param streamHeartbeat how long a stream may stay silent: then a comment is written, so that a stream whose
 *                      client is gone ends (and gives its slot back) within about two of these; also the
 *                      {@code Retry-After} of a refused stream
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
        @DefaultValue("10m") Duration filingWindow,
        @DefaultValue("5") int streamsPerAccount,
        @DefaultValue("2000") int streams,
        @DefaultValue("1024") int streamQueue,
        @DefaultValue("10s") Duration streamSendTimeout,
        @DefaultValue("20s") Duration streamHeartbeat) {
}
