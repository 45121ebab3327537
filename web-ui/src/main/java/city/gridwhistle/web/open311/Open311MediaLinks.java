package city.gridwhistle.web.open311;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Signed, expiring links to a case's photo for Open311's {@code media_url} (decision 0050). The public record has
 * no photos; a partner reading what it filed gets, for each such request with a photo, an absolute link that any
 * HTTP client can fetch without signing in until it expires: HMAC-SHA256 over the photo's hash, the expiry and the
 * key's id, under {@code gridwhistle.open311.media-secret}. A link that is expired, altered, or signed under
 * another key answers 404 as for no photo. Without a secret no links are made.
 */
@Component
class Open311MediaLinks {

    static final String PATH = "/media/";
    private static final Logger log = LoggerFactory.getLogger(Open311MediaLinks.class);
    private static final HexFormat HEX = HexFormat.of();

    private final Open311Properties settings;
    private final String publicBaseUrl;
    private final Clock clock;

    Open311MediaLinks(Open311Properties settings,
                      @Value("${gridwhistle.public-base-url:}") String publicBaseUrl) {
        this.settings = settings;
        this.publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null
                : publicBaseUrl.strip().replaceAll("/+$", "");
        this.clock = Clock.systemUTC();
        if (!enabled()) {
            log.warn("gridwhistle.open311.media-secret is not set (or shorter than 32 characters): Open311 gives no"
                    + " media_url to partners");
        }
    }

    boolean enabled() {
        return settings.mediaSecret() != null && settings.mediaSecret().length() >= 32;
    }

    /** An absolute link to the photo, valid for the configured time; null when links are off. */
    String link(String sha256, HttpServletRequest request) {
        if (!enabled()) {
            return null;
        }
        long expires = clock.instant().plus(settings.mediaLinkTtl()).getEpochSecond();
        String base = publicBaseUrl != null ? publicBaseUrl
                : ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        return base + Open311Controller.BASE + PATH + sha256 + "?expires=" + expires + "&kid="
                + settings.mediaKeyId() + "&sig=" + signature(sha256, expires, settings.mediaKeyId());
    }

    /** Whether the link's parts are one this server signed and it has not expired. */
    boolean valid(String sha256, String expires, String keyId, String signature) {
        if (!enabled() || sha256 == null || !sha256.matches("[0-9a-f]{64}") || expires == null
                || !expires.matches("[0-9]{1,12}") || signature == null || !settings.mediaKeyId().equals(keyId)) {
            return false;
        }
        long until = Long.parseLong(expires);
        if (Instant.ofEpochSecond(until).isBefore(clock.instant())) {
            return false;
        }
        return MessageDigest.isEqual(signature(sha256, until, keyId).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** Until when the link was signed, for how long a client may keep the photo. */
    static Instant expiry(String expires) {
        return Instant.ofEpochSecond(Long.parseLong(expires));
    }

    String signature(String sha256, long expires, String keyId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.mediaSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal((sha256 + "\n" + expires + "\n" + keyId)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
