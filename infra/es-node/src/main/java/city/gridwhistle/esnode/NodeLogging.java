package city.gridwhistle.esnode;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.elasticsearch.common.logging.LogConfigurator;

import java.nio.file.Path;
import java.util.List;
import java.util.logging.LogRecord;

/**
 * Log4j configured in code, before any Elasticsearch class logs: everything from INFO up to a rolling
 * {@code es.log}, and only WARN and ERROR to stderr, which the parent forwards to its own log.
 */
final class NodeLogging {

    private static final String PATTERN = "[%d{ISO8601}][%-5p][%c{1.}] %m%n";

    private NodeLogging() {}

    static void configure(Path logsDir) {
        ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.setConfigurationName("gridwhistle-es-node");
        builder.setStatusLevel(Level.ERROR);

        builder.add(
            builder.newAppender("file", "RollingFile")
                .addAttribute("fileName", logsDir.resolve("es.log").toString())
                .addAttribute("filePattern", logsDir.resolve("es-%i.log").toString())
                .add(builder.newLayout("PatternLayout").addAttribute("pattern", PATTERN))
                .addComponent(
                    builder.newComponent("Policies")
                        .addComponent(builder.newComponent("SizeBasedTriggeringPolicy").addAttribute("size", "20MB"))
                )
                .addComponent(builder.newComponent("DefaultRolloverStrategy").addAttribute("max", "3"))
        );
        builder.add(
            builder.newAppender("stderr", "Console")
                .addAttribute("target", ConsoleAppender.Target.SYSTEM_ERR)
                .add(builder.newLayout("PatternLayout").addAttribute("pattern", "[%-5p][%c{1.}] %m%n"))
                .add(builder.newFilter("ThresholdFilter", Filter.Result.ACCEPT, Filter.Result.DENY).addAttribute("level", Level.WARN))
        );
        // expected on this classpath, so not worth a warning in the parent's log: native libraries (zstd) ship
        // only in the packaged distribution, and the vector API is an incubator module left off on purpose
        for (String expected : List.of(
            "org.elasticsearch.nativeaccess",
            "org.apache.lucene.internal.vectorization",
            "org.elasticsearch.simdvec"
        )) {
            builder.add(builder.newLogger(expected, Level.INFO).add(builder.newAppenderRef("file")).addAttribute("additivity", false));
        }
        builder.add(builder.newRootLogger(Level.INFO).add(builder.newAppenderRef("file")).add(builder.newAppenderRef("stderr")));
        Configurator.initialize(builder.build());

        // routes Elasticsearch's own logging API (org.elasticsearch.logging) to log4j
        LogConfigurator.configureESLogging();
        bridgeJavaUtilLogging();
    }

    /** Lucene reports through java.util.logging, which would otherwise print straight to stderr. */
    private static void bridgeJavaUtilLogging() {
        java.util.logging.LogManager.getLogManager().reset();
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.setLevel(java.util.logging.Level.INFO);
        root.addHandler(new java.util.logging.Handler() {
            @Override
            public void publish(LogRecord record) {
                Level level = record.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue() ? Level.ERROR
                    : record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue() ? Level.WARN
                    : record.getLevel().intValue() >= java.util.logging.Level.INFO.intValue() ? Level.INFO
                    : Level.DEBUG;
                String message = record.getMessage();
                if (record.getParameters() != null && record.getParameters().length > 0) {
                    message = java.text.MessageFormat.format(message, record.getParameters());
                }
                org.apache.logging.log4j.LogManager.getLogger(record.getLoggerName() == null ? "jul" : record.getLoggerName())
                    .log(level, message, record.getThrown());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
    }

    static void shutdown() {
        org.apache.logging.log4j.LogManager.shutdown();
    }
}
