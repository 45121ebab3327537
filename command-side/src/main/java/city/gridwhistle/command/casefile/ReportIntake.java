package city.gridwhistle.command.casefile;

import city.gridwhistle.api.intake.FileReportCommand;
import city.gridwhistle.api.intake.ReportReceipt;
import city.gridwhistle.api.shared.CategoryRules;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.CommandRejectedException.Reason;
import city.gridwhistle.command.category.CategoryCatalog;
import city.gridwhistle.command.routing.Route;
import city.gridwhistle.command.routing.RoutingPolicy;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

/**
 * Takes a filed report: checks its category, routes it through the grid, and opens the case. This is where a
 * report will later be matched against open duplicates before a new case is opened.
 */
public class ReportIntake {

    private final Repository<CaseFile> cases;
    private final CategoryCatalog categories;
    private final RoutingPolicy routing;
    private final Clock clock;

    public ReportIntake(Repository<CaseFile> cases, CategoryCatalog categories, RoutingPolicy routing, Clock clock) {
        this.cases = cases;
        this.categories = categories;
        this.routing = routing;
        this.clock = clock;
    }

    @CommandHandler
    public ReportReceipt handle(FileReportCommand command) throws Exception {
        CategoryRules rules = categories.find(command.categoryCode())
                .orElseThrow(() -> new CommandRejectedException(Reason.UNKNOWN_CATEGORY, "categoryCode",
                        "no active category has the code '" + command.categoryCode() + "'"));
        Route route = routing.route(command.location())
                .orElseThrow(() -> new CommandRejectedException(Reason.OUTSIDE_GRID, "location",
                        "the point " + command.location().lat() + "," + command.location().lon()
                                + " lies in no grid cell of this city"));
        cases.newInstance(() -> new CaseFile(command, rules, route, clock.instant()));
        return new ReportReceipt(command.caseId(), route.cell().cellCode(), route.cell().cellName(),
                route.workerId().orElse(null), route.workerId().isEmpty());
    }
}
