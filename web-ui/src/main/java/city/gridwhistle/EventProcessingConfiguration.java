package city.gridwhistle;

import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * No event handler may skip an event. Axon's default logs a handler's exception and moves on, which would lose the
 * event for that read model (an Elasticsearch outage would leave cases unsearchable for good) or let a command-side
 * lookup table drift from the events. Propagating instead makes a streaming processor retry the batch with backoff
 * until it succeeds, and makes a subscribing one fail the command that caused the event.
 */
@Configuration
class EventProcessingConfiguration {

    @Autowired
    void neverSkipAnEvent(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

    /**
     * Read models commit without waiting for the WAL flush (see {@link AsynchronousCommit}); the events never do.
     * {@code gridwhistle.projections.asynchronous-commit=false} turns it off.
     */
    @Autowired
    void projectionsCommitAsynchronously(EventProcessingConfigurer processing, DataSource dataSource,
                                         @Value("${gridwhistle.projections.asynchronous-commit:true}") boolean enabled) {
        if (enabled) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            processing.registerDefaultTransactionManager(configuration ->
                    new AsynchronousCommit(configuration.getComponent(TransactionManager.class), jdbc));
        }
    }
}
