package city.gridwhistle.command.casefile;

import city.gridwhistle.command.category.CategoryCatalog;
import city.gridwhistle.command.duplicates.OpenCases;
import city.gridwhistle.command.routing.RoutingPolicy;
import java.time.Clock;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CaseFileConfiguration {

    @Bean
    ReportIntake reportIntake(Repository<CaseFile> caseFileRepository, CategoryCatalog categories,
                              RoutingPolicy routing, OpenCases openCases, CaseClock clock) {
        return new ReportIntake(caseFileRepository, categories, routing, openCases, clock);
    }

    /**
     * A snapshot after every {@code threshold} events of a case: loading a case then reads the latest snapshot and
     * fewer than {@code threshold} events, however long its history (benchmark S6, decision 0022).
     */
    @Bean
    SnapshotTriggerDefinition caseFileSnapshotTrigger(Snapshotter snapshotter,
                                                      @Value("${gridwhistle.casefile.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
