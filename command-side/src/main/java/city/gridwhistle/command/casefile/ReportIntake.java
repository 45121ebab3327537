package city.gridwhistle.command.casefile;

import city.gridwhistle.api.intake.FileReportCommand;
import city.gridwhistle.api.intake.ReportReceipt;
import city.gridwhistle.api.shared.CategoryRules;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.CommandRejectedException.Reason;
import city.gridwhistle.command.category.CategoryCatalog;
import city.gridwhistle.command.duplicates.OpenCases;
import city.gridwhistle.command.routing.Route;
import city.gridwhistle.command.routing.RoutingPolicy;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Takes a filed report: checks its category, then either attaches it to an open case of the same category
 * within the category's duplicate radius (duplicates merge, they don't multiply) or routes it through the grid
 * and opens a new case.
 */
public class ReportIntake {

    private final Repository<CaseFile> cases;
    private final CategoryCatalog categories;
    private final RoutingPolicy routing;
    private final OpenCases openCases;
    private final CaseClock clock;

    public ReportIntake(Repository<CaseFile> cases, CategoryCatalog categories, RoutingPolicy routing,
                        OpenCases openCases, CaseClock clock) {
        this.cases = cases;
        this.categories = categories;
        this.routing = routing;
        this.openCases = openCases;
        this.clock = clock;
    }

    @CommandHandler
    public ReportReceipt handle(FileReportCommand command, DeadlineManager deadlines) throws Exception {
        CategoryRules rules = categories.find(command.categoryCode())
                .orElseThrow(() -> new CommandRejectedException(Reason.UNKNOWN_CATEGORY, "categoryCode",
                        "no active category has the code '" + command.categoryCode() + "'"));
        Route route = routing.route(command.location())
                .orElseThrow(() -> new CommandRejectedException(Reason.OUTSIDE_GRID, "location",
                        "the point " + command.location().lat() + "," + command.location().lon()
                                + " lies in no grid cell of this city"));
        openCases.lockNeighbourhood(rules.code(), command.location(), rules.duplicateRadiusMeters());
        Optional<String> duplicate = openCases.nearestOpen(rules.code(), command.location(), rules.duplicateRadiusMeters());
        if (duplicate.isPresent()) {
            Aggregate<CaseFile> open = cases.load(duplicate.get());
            open.execute(caseFile -> caseFile.attach(command, clock));
            return open.invoke(CaseFile::receipt);
        }
        Aggregate<CaseFile> opened = cases.newInstance(() -> new CaseFile(command, rules, route, clock, deadlines));
        return opened.invoke(CaseFile::receipt);
    }
}
