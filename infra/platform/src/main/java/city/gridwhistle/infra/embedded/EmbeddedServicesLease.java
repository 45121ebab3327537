package city.gridwhistle.infra.embedded;

import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * One application context's hold on the embedded servers, released when the context is destroyed. The beans
 * that talk to the servers (data sources, Elasticsearch clients) are made to depend on it, so Spring destroys
 * them first: the servers stop only after every connection is closed and every processor has stopped.
 */
final class EmbeddedServicesLease implements DisposableBean {

    static final String BEAN_NAME = "gridwhistleEmbeddedServicesLease";
    private static final List<String> CLIENT_TYPES = List.of("javax.sql.DataSource",
            "org.elasticsearch.client.RestClient", "co.elastic.clients.elasticsearch.ElasticsearchClient");

    private final List<String> keys;

    private EmbeddedServicesLease(List<String> keys) {
        this.keys = List.copyOf(keys);
    }

    static void register(ConfigurableApplicationContext context, List<String> keys) {
        var registry = (BeanDefinitionRegistry) context.getBeanFactory();
        registry.registerBeanDefinition(BEAN_NAME,
                new RootBeanDefinition(EmbeddedServicesLease.class, () -> new EmbeddedServicesLease(keys)));
        context.addBeanFactoryPostProcessor((BeanFactoryPostProcessor) beanFactory -> {
            ClassLoader loader = beanFactory.getBeanClassLoader();
            for (String typeName : CLIENT_TYPES) {
                if (!ClassUtils.isPresent(typeName, loader)) {
                    continue;
                }
                Class<?> type = ClassUtils.resolveClassName(typeName, loader);
                for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
                    BeanDefinition definition = beanFactory.getBeanDefinition(name);
                    String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
                    String[] extended = java.util.Arrays.copyOf(dependsOn, dependsOn.length + 1);
                    extended[dependsOn.length] = BEAN_NAME;
                    definition.setDependsOn(extended);
                }
            }
        });
    }

    @Override
    public void destroy() {
        keys.forEach(SharedServices::release);
    }
}
