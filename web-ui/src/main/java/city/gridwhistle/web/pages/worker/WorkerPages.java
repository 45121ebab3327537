package city.gridwhistle.web.pages.worker;

import city.gridwhistle.api.casework.CaseAction;
import city.gridwhistle.api.casework.CaseFilters;
import city.gridwhistle.api.casework.CaseSearchResult;
import city.gridwhistle.api.casework.CaseSort;
import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.casework.CaseView;
import city.gridwhistle.api.casework.FindCaseQuery;
import city.gridwhistle.api.casework.SearchCasesQuery;
import city.gridwhistle.api.grid.FindGridMapQuery;
import city.gridwhistle.api.grid.FindWorkerDutyQuery;
import city.gridwhistle.api.grid.GridMap;
import city.gridwhistle.api.grid.WorkerDuty;
import city.gridwhistle.api.shared.Actor;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The grid worker's pages. They read through the query gateway; every change goes through the JSON API. */
@Controller
@RequestMapping("/worker")
class WorkerPages {

    /** What a worker does on the case page, in the order a case goes through them. */
    static final List<CaseAction> WORKER_ACTIONS = List.of(CaseAction.ACCEPT, CaseAction.START, CaseAction.NOTE,
            CaseAction.RESOLVE, CaseAction.TRANSFER);
    private static final int INBOX_SIZE = 100;

    private final QueryGateway queries;

    WorkerPages(QueryGateway queries) {
        this.queries = queries;
    }

    /** My open cases, soonest due (or most overdue) first; {@code mine=true}: only those assigned to me. */
    @GetMapping
    String inbox(@RequestParam(defaultValue = "false") boolean mine, Actor me, Model model) {
        model.addAttribute("result", openCases(me, mine));
        model.addAttribute("mine", mine);
        model.addAttribute("duty", queries.query(new FindWorkerDutyQuery(me.id()), WorkerDuty.class).join());
        return "worker/inbox";
    }

    /** The list alone, for the live refresh. */
    @GetMapping("/inbox/list")
    String inboxList(@RequestParam(defaultValue = "false") boolean mine, Actor me, Model model) {
        model.addAttribute("result", openCases(me, mine));
        model.addAttribute("mine", mine);
        return "worker/inbox :: list";
    }

    /** My cells on a map, with my open cases pinned. */
    @GetMapping("/map")
    String map(Actor me, Model model) {
        model.addAttribute("result", openCases(me, false));
        return "worker/map";
    }

    @GetMapping("/cases/{caseId}")
    String caseView(@PathVariable String caseId, Actor me, Model model) {
        fill(caseId, me, model);
        GridMap grid = queries.query(new FindGridMapQuery(me.id()), GridMap.class).join();
        model.addAttribute("cells", grid.cells());
        return "worker/case";
    }

    /** The case's state and actions alone, for the live refresh and after an action. */
    @GetMapping("/cases/{caseId}/detail")
    String caseDetail(@PathVariable String caseId, Actor me, Model model) {
        fill(caseId, me, model);
        GridMap grid = queries.query(new FindGridMapQuery(me.id()), GridMap.class).join();
        model.addAttribute("cells", grid.cells());
        return "worker/case :: detail";
    }

    private void fill(String caseId, Actor me, Model model) {
        Optional<CaseView> found = queries.query(new FindCaseQuery(caseId, me),
                ResponseTypes.optionalInstanceOf(CaseView.class)).join();
        CaseView c = found.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean assignedToMe = me.id().equals(c.workerId());
        model.addAttribute("c", c);
        model.addAttribute("assignedToMe", assignedToMe);
        // accepting, starting and resolving are for the worker the case is dispatched to; noting and transferring
        // for any worker of its cell
        model.addAttribute("actions", WORKER_ACTIONS.stream().filter(c.allowedActions()::contains)
                .filter(action -> assignedToMe || action == CaseAction.NOTE || action == CaseAction.TRANSFER)
                .toList());
    }

    private CaseSearchResult openCases(Actor me, boolean mine) {
        CaseFilters filters = new CaseFilters(CaseStatus.OPEN, null, null, null, null, null, null, null,
                mine ? me.id() : null, null, null, null, null, null);
        return queries.query(new SearchCasesQuery(null, filters, null, CaseSort.DEADLINE, null, 0, INBOX_SIZE, null, me),
                CaseSearchResult.class).join();
    }
}
