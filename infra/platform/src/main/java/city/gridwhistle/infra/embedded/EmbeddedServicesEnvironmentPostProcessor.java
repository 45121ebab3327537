package city.gridwhistle.infra.embedded;

import city.gridwhistle.infra.elasticsearch.EmbeddedElasticsearch;
import city.gridwhistle.infra.postgres.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Embedded by default, real always: with no {@code spring.datasource.url} a real PostgreSQL starts on
 * {@code <data-dir>/postgres}; with no {@code spring.elasticsearch.uris} a real Elasticsearch node starts in a
 * child JVM on {@code <data-dir>/elasticsearch}. Set {@code gridwhistle.embedded.enabled=false} to start nothing.
 * Runs after the configuration files are read, so every way of setting these properties counts.
 */
public class EmbeddedServicesEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String DATA_DIR = "gridwhistle.data-dir";
    public static final String ENABLED = "gridwhistle.embedded.enabled";
    /** Set by this class so the application knows it runs on at least one server of its own. */
    public static final String ACTIVE = "gridwhistle.embedded.active";
    /** Set by this class when the PostgreSQL is the embedded one, not an operator's. */
    public static final String POSTGRES = "gridwhistle.embedded.postgres";
    /** Set by this class when the Elasticsearch is the embedded one, not an operator's. */
    public static final String ELASTICSEARCH = "gridwhistle.embedded.elasticsearch";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(ENABLED, Boolean.class, true)) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty(DATA_DIR, "gridwhistle-data")).toAbsolutePath().normalize();
        Map<String, Object> properties = new HashMap<>();
        List<String> leases = new ArrayList<>();

        if (!environment.containsProperty("spring.datasource.url")) {
            Path pgData = dataDir.resolve("postgres");
            String key = "postgres:" + pgData;
            EmbeddedPostgresServer postgres = SharedServices.acquire(key, () -> EmbeddedPostgresServer.start(pgData));
            leases.add(key);
            properties.put("spring.datasource.url", postgres.jdbcUrl());
            properties.put("spring.datasource.username", postgres.username());
            properties.put("spring.datasource.password", "");
            properties.put(POSTGRES, true);
        }
        if (!environment.containsProperty("spring.elasticsearch.uris")) {
            Path esHome = dataDir.resolve("elasticsearch");
            String key = "elasticsearch:" + esHome;
            EmbeddedElasticsearch elasticsearch = SharedServices.acquire(key, () -> EmbeddedElasticsearch.start(esHome));
            leases.add(key);
            properties.put("spring.elasticsearch.uris", elasticsearch.httpUri().toString());
            properties.put(ELASTICSEARCH, true);
        }
        if (leases.isEmpty()) {
            return;
        }
        properties.put(ACTIVE, true);
        environment.getPropertySources().addFirst(new MapPropertySource("gridwhistle-embedded", properties));
        application.addInitializers(context -> EmbeddedServicesLease.register(context, leases));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
