package city.gridwhistle.infra.privacy;

import java.nio.file.Path;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Per-person keys and what is sealed with them, for both sides: the command side seals personal data, the query
 * side opens it in its projections and learns there which people were erased (decision 0046).
 */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@EnableConfigurationProperties(PrivacyProperties.class)
public class PrivacyAutoConfiguration {

    /** Set by the embedded-services post-processor when the application runs on its own servers. */
    private static final String EMBEDDED_ACTIVE = "gridwhistle.embedded.active";
    private static final String DATA_DIR = "gridwhistle.data-dir";

    /**
     * Configured, or, on the embedded run only, kept next to its data. An external server without one fails to
     * start: keys generated there would differ per instance, and lost with the instance.
     */
    @Bean
    public MasterKey masterKey(PrivacyProperties properties, Environment environment) {
        if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
            return MasterKey.fromBase64(properties.masterKey());
        }
        if (environment.getProperty(EMBEDDED_ACTIVE, Boolean.class, false)) {
            Path dataDir = Path.of(environment.getProperty(DATA_DIR, "gridwhistle-data"));
            return MasterKey.fromFile(dataDir.resolve("keys").resolve("master.key"));
        }
        throw new IllegalStateException("set gridwhistle.privacy.master-key (GRIDWHISTLE_PRIVACY_MASTER_KEY) to the "
                + "base64 of 32 random bytes, e.g. from `openssl rand -base64 32`; it protects riders' personal data");
    }

    /**
     * Refuses to start with a master key that does not open the stored keys. On the JdbcTemplate bean, so that Flyway
     * has migrated the key table before they are read.
     */
    @Bean
    public PersonKeys personKeys(JdbcTemplate jdbc, MasterKey masterKey) {
        PersonKeys keys = new PersonKeys(jdbc, masterKey);
        keys.checkMasterKey();
        return keys;
    }

    @Bean
    public SealedTexts sealedTexts(PersonKeys keys) {
        return new SealedTexts(keys);
    }
}
