package city.gridwhistle.command.identity;

import city.gridwhistle.api.casework.ReporterIdentity;
import city.gridwhistle.api.casework.RevealReporterIdentityCommand;
import city.gridwhistle.command.casefile.CaseClock;
import city.gridwhistle.command.casefile.CaseFile;
import city.gridwhistle.command.routing.RoutingPolicy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Answers a supervisor's request to see who reported a case: the case records the look (who, when, why) in the
 * same transaction, then the identity is read from outside the events. An anonymous report has no identity.
 */
@Component
public class ReporterIdentityDesk {

    private static final String UNKNOWN = "";

    private final Repository<CaseFile> cases;
    private final RiderIdentities identities;
    private final CaseClock clock;
    private final RoutingPolicy routing;

    public ReporterIdentityDesk(Repository<CaseFile> cases, RiderIdentities identities, CaseClock clock,
                                RoutingPolicy routing) {
        this.cases = cases;
        this.identities = identities;
        this.clock = clock;
        this.routing = routing;
    }

    @CommandHandler
    public ReporterIdentity handle(RevealReporterIdentityCommand command) throws Exception {
        Aggregate<CaseFile> caseFile = cases.load(command.caseId());
        String reporterId = caseFile.invoke(c -> c.revealReporter(command, clock, routing));
        return identities.find(reporterId).orElse(new ReporterIdentity(reporterId, UNKNOWN, UNKNOWN));
    }
}
