package city.gridwhistle.infra.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param masterKey the key (base64 of 32 bytes) that wraps every person's data key; on external servers it must be
 *                  set ({@code GRIDWHISTLE_PRIVACY_MASTER_KEY}); the embedded run keeps one of its own in
 *                  {@code <gridwhistle.data-dir>/keys/master.key} when it is not set
 */
@ConfigurationProperties("gridwhistle.privacy")
public record PrivacyProperties(String masterKey) {

    @Override
    public String toString() {
        return "PrivacyProperties[masterKey=" + (masterKey == null || masterKey.isBlank() ? "unset" : "***") + "]";
    }
}
