package org.elasticsearch.plugins;

import org.elasticsearch.Build;
import org.elasticsearch.action.admin.cluster.node.info.PluginsAndModules;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plugins service whose plugins are classes already on the classpath rather than bundles under
 * {@code plugins/} and {@code modules/}. It lives in this package because {@link PluginsLoader}'s
 * usable constructor, {@code LoadedPlugin} and {@code loadPlugin} are package-private.
 */
public final class ClasspathPluginsService extends PluginsService {

    private final List<LoadedPlugin> classpathPlugins;
    private final PluginsAndModules info;

    public ClasspathPluginsService(Settings settings, Environment environment, Map<String, Class<? extends Plugin>> pluginClasses) {
        super(settings, environment.configDir(), emptyLoader());
        ClassLoader loader = ClasspathPluginsService.class.getClassLoader();
        this.classpathPlugins = pluginClasses.entrySet()
            .stream()
            .map(
                plugin -> new LoadedPlugin(
                    describe(plugin.getKey(), plugin.getValue()),
                    loadPlugin(plugin.getValue(), settings, environment.configDir()),
                    loader
                )
            )
            .toList();
        // reported as modules, as a packaged node reports transport-netty4 and analysis-common
        this.info = new PluginsAndModules(List.of(), classpathPlugins.stream().map(LoadedPlugin::descriptor).toList());
    }

    /** A loader that knows no bundles: the public factory insists on module layers that a flat classpath has not got. */
    public static PluginsLoader emptyLoader() {
        return new PluginsLoader(Set.of(), Set.of(), Map.of());
    }

    private static PluginDescriptor describe(String name, Class<? extends Plugin> pluginClass) {
        return new PluginDescriptor(
            name,
            "classpath plugin " + pluginClass.getName(),
            Build.current().version(),
            Build.current().version(),
            Integer.toString(Runtime.version().feature()),
            pluginClass.getName(),
            null,
            List.of(),
            false,
            false,
            false,
            false,
            PluginDescriptor.DeploymentTarget.ALL
        );
    }

    @Override
    protected List<LoadedPlugin> plugins() {
        return classpathPlugins;
    }

    @Override
    public PluginsAndModules info() {
        return info;
    }
}
