package city.gridwhistle.web.demo;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.infra.embedded.EmbeddedServicesEnvironmentPostProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Where the demo city (and its accounts with the published password) loads: only where both stores are the
 * application's own, or where it was asked for by name. An external PostgreSQL with a forgotten Elasticsearch URL
 * loaded it before.
 */
class DemoDataTest {

    @Test
    void loadsWhereBothStoresAreEmbedded() {
        assertThat(DemoData.enabled(environment(true, true, null))).isTrue();
    }

    @Test
    void doesNotLoadWhereEitherStoreIsAnOperators() {
        assertThat(DemoData.enabled(environment(false, true, null))).as("external PostgreSQL").isFalse();
        assertThat(DemoData.enabled(environment(true, false, null))).as("external Elasticsearch").isFalse();
        assertThat(DemoData.enabled(environment(false, false, null))).as("both external").isFalse();
    }

    @Test
    void thePropertyDecidesWhenGiven() {
        assertThat(DemoData.enabled(environment(false, false, "true"))).isTrue();
        assertThat(DemoData.enabled(environment(true, true, "false"))).isFalse();
        assertThat(DemoData.askedFor(environment(true, true, null))).isFalse();
        assertThat(DemoData.askedFor(environment(false, false, "true"))).isTrue();
    }

    private static MockEnvironment environment(boolean postgres, boolean elasticsearch, String asked) {
        MockEnvironment environment = new MockEnvironment();
        if (postgres) {
            environment.setProperty(EmbeddedServicesEnvironmentPostProcessor.POSTGRES, "true");
        }
        if (elasticsearch) {
            environment.setProperty(EmbeddedServicesEnvironmentPostProcessor.ELASTICSEARCH, "true");
        }
        if (asked != null) {
            environment.setProperty(DemoData.ENABLED, asked);
        }
        return environment;
    }
}
