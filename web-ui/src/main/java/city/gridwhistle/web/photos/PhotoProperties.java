package city.gridwhistle.web.photos;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Photo evidence settings.
 *
 * @param maxBytes  the largest photo accepted (10 MiB by default)
 * @param maxCount  the most photos one report may carry
 * @param directory where photos are kept; when unset, {@code <gridwhistle.data-dir>/photos}
 * @param maxPixels the most pixels (width × height, read from the header) a photo may have; 64 million by
 *                  default, so that a 50-megapixel phone camera's full size (8192 × 6144) passes
 * @param unattachedTtl how long an upload that no case holds is kept (a day by default): a rider who took a photo
 *                      but never filed, a worker who uploaded an after-photo but never resolved
 */
@ConfigurationProperties("gridwhistle.photos")
public record PhotoProperties(
        @DefaultValue("10485760") long maxBytes,
        @DefaultValue("5") int maxCount,
        String directory,
        @DefaultValue("64000000") long maxPixels,
        @DefaultValue("24h") Duration unattachedTtl) {
}
