package city.gridwhistle;

import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Puts Axon's trace and correlation ids in the log context while a command or an event is handled, so that the log
 * lines of a request, of the command it sent and of every projection that handled the events it caused share one
 * {@code traceId} (the id of the first command of the chain; a command's own id when it starts one). Application
 * wiring beside the processing configuration: the web layer itself never touches the command bus.
 */
@Configuration
class LogCorrelation {

    static final String TRACE = "traceId";
    static final String CORRELATION = "correlationId";
    static final String PROCESSOR = "processor";

    @Autowired
    void commands(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(logContext(null));
    }

    @Autowired
    void events(EventProcessingConfigurer processing) {
        processing.registerDefaultHandlerInterceptor((configuration, processor) -> logContext(processor));
    }

    private static <T extends Message<?>> MessageHandlerInterceptor<T> logContext(String processor) {
        return (unitOfWork, chain) -> {
            Message<?> message = unitOfWork.getMessage();
            Map<String, ?> metadata = message.getMetaData();
            String trace = metadata.get(TRACE) instanceof String t ? t : message.getIdentifier();
            String correlation = metadata.get(CORRELATION) instanceof String c ? c : message.getIdentifier();
            String previousTrace = MDC.get(TRACE);
            String previousCorrelation = MDC.get(CORRELATION);
            MDC.put(TRACE, trace);
            MDC.put(CORRELATION, correlation);
            if (processor != null) {
                MDC.put(PROCESSOR, processor);
            }
            try {
                return chain.proceed();
            } finally {
                restore(TRACE, previousTrace);
                restore(CORRELATION, previousCorrelation);
                if (processor != null) {
                    MDC.remove(PROCESSOR);
                }
            }
        };
    }

    private static void restore(String key, String previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
