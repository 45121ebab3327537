package city.gridwhistle.command.routing;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration
class RoutingConfiguration {

    /** The routing tables must commit or roll back with the events that change them: a subscribing processor. */
    @Autowired
    void lookupsInTheCommandTransaction(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(GridLookupProjection.GROUP);
    }
}
