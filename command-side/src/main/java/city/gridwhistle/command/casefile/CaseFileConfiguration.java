package city.gridwhistle.command.casefile;

import city.gridwhistle.command.category.CategoryCatalog;
import city.gridwhistle.command.duplicates.OpenCases;
import city.gridwhistle.command.routing.RoutingPolicy;
import java.time.Clock;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CaseFileConfiguration {

    @Bean
    ReportIntake reportIntake(Repository<CaseFile> caseFileRepository, CategoryCatalog categories,
                              RoutingPolicy routing, OpenCases openCases, CaseClock clock) {
        return new ReportIntake(caseFileRepository, categories, routing, openCases, clock);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
