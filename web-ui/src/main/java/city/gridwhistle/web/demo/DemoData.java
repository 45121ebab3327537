package city.gridwhistle.web.demo;

import city.gridwhistle.infra.embedded.EmbeddedServicesEnvironmentPostProcessor;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the demo city and its accounts (one published password) belong here. Only when asked for
 * ({@code gridwhistle.demo.enabled=true}), or, when nothing is said, where both PostgreSQL and Elasticsearch are
 * the application's own embedded servers. One server of the operator's is enough to mean a real installation: an
 * external PostgreSQL with a forgotten Elasticsearch URL once got {@code admin} with the published password.
 * {@code gridwhistle.demo.enabled=false} keeps the demo out of an embedded run too.
 */
public final class DemoData {

    public static final String ENABLED = "gridwhistle.demo.enabled";

    private DemoData() {
    }

    public static boolean enabled(PropertyResolver environment) {
        Boolean asked = environment.getProperty(ENABLED, Boolean.class);
        if (asked != null) {
            return asked;
        }
        return onEmbeddedPostgres(environment)
                && environment.getProperty(EmbeddedServicesEnvironmentPostProcessor.ELASTICSEARCH, Boolean.class, false);
    }

    /** Whether {@code gridwhistle.demo.enabled=true} was said: a demo on purpose, wherever it runs. */
    public static boolean askedFor(PropertyResolver environment) {
        return environment.getProperty(ENABLED, Boolean.class, false);
    }

    /** Whether the PostgreSQL is the application's own embedded one, not an operator's. */
    public static boolean onEmbeddedPostgres(PropertyResolver environment) {
        return environment.getProperty(EmbeddedServicesEnvironmentPostProcessor.POSTGRES, Boolean.class, false);
    }

    /** Registers a bean only where the demo city belongs. */
    public static final class WhenEnabled implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return enabled(context.getEnvironment());
        }
    }
}
