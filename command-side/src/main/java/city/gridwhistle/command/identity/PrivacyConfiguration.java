package city.gridwhistle.command.identity;

import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration
class PrivacyConfiguration {

    /** Set by the embedded-services post-processor when the application runs on its own servers. */
    private static final String EMBEDDED_ACTIVE = "gridwhistle.embedded.active";
    private static final String DATA_DIR = "gridwhistle.data-dir";

    /**
     * Configured, or, on the embedded run only, kept next to its data. An external server without one fails to
     * start: keys generated there would differ per instance, and lost with the instance.
     */
    @Bean
    MasterKey masterKey(PrivacyProperties properties, Environment environment) {
        if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
            return MasterKey.fromBase64(properties.masterKey());
        }
        if (environment.getProperty(EMBEDDED_ACTIVE, Boolean.class, false)) {
            return MasterKey.fromFile(Path.of(environment.getProperty(DATA_DIR, "gridwhistle-data"), "keys", "master.key"));
        }
        throw new IllegalStateException("set gridwhistle.privacy.master-key (GRIDWHISTLE_PRIVACY_MASTER_KEY) to the "
                + "base64 of 32 random bytes, e.g. from `openssl rand -base64 32`; it protects riders' names and phones");
    }
}
