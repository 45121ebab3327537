package city.gridwhistle.infra.postgres;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Flyway applies a migration numbered below the highest applied one too (decision 0038). V26 to V28 were numbered
 * below V35, which installations from before them had applied already: by default Flyway refuses to start on such
 * an installation ("resolved migration not applied"). New migrations take the next number above the highest.
 */
@AutoConfiguration
public class MigrationOrder {

    @Bean
    FlywayConfigurationCustomizer outOfOrderMigrations() {
        return MigrationOrder::applyTo;
    }

    /** The order the application migrates in, for anything else that runs its migrations. */
    public static FluentConfiguration applyTo(FluentConfiguration flyway) {
        return flyway.outOfOrder(true);
    }
}
