package org.elasticsearch.node;

import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.ClasspathPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

import java.util.Map;

/**
 * A node whose plugins are given classes on the classpath, by plugin name. It lives in this package because
 * {@code NodeConstruction} and {@code NodeServiceProvider} are package-private.
 */
public final class ClasspathPluginNode extends Node {

    public ClasspathPluginNode(Environment environment, Map<String, Class<? extends Plugin>> pluginClasses) {
        super(NodeConstruction.prepareConstruction(environment, null, new ClasspathServiceProvider(pluginClasses), true));
    }

    /**
     * The stock listener installs node and cluster ids into log4j's pattern converters, which only a node
     * configured by the packaged distribution's log4j2.properties has.
     */
    @Override
    protected void configureNodeAndClusterIdStateListener(ClusterService clusterService) {}

    private static final class ClasspathServiceProvider extends NodeServiceProvider {
        private final Map<String, Class<? extends Plugin>> pluginClasses;

        ClasspathServiceProvider(Map<String, Class<? extends Plugin>> pluginClasses) {
            this.pluginClasses = pluginClasses;
        }

        @Override
        PluginsService newPluginService(Environment environment, PluginsLoader pluginsLoader) {
            return new ClasspathPluginsService(environment.settings(), environment, pluginClasses);
        }
    }
}
