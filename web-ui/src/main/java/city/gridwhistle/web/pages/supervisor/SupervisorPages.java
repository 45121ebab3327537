package city.gridwhistle.web.pages.supervisor;

import city.gridwhistle.api.audit.CaseAsOf;
import city.gridwhistle.api.audit.CaseHistory;
import city.gridwhistle.api.audit.FindCaseAsOfQuery;
import city.gridwhistle.api.audit.FindCaseHistoryQuery;
import city.gridwhistle.api.audit.HistoryAccessAction;
import city.gridwhistle.api.audit.HistoryEntry;
import city.gridwhistle.api.audit.HistoryPoint;
import city.gridwhistle.api.audit.RecordHistoryAccessCommand;
import city.gridwhistle.api.casework.CaseAction;
import city.gridwhistle.api.casework.CaseFilters;
import city.gridwhistle.api.casework.CaseSearchResult;
import city.gridwhistle.api.casework.CaseSort;
import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.casework.CaseView;
import city.gridwhistle.api.casework.FindCaseQuery;
import city.gridwhistle.api.casework.GeoScope;
import city.gridwhistle.api.casework.SearchCasesQuery;
import city.gridwhistle.api.dashboard.FindHeatmapQuery;
import city.gridwhistle.api.dashboard.FindPerformanceQuery;
import city.gridwhistle.api.dashboard.FindTrendQuery;
import city.gridwhistle.api.dashboard.Grouping;
import city.gridwhistle.api.dashboard.Heatmap;
import city.gridwhistle.api.dashboard.Performance;
import city.gridwhistle.api.dashboard.Trend;
import city.gridwhistle.api.dashboard.TrendInterval;
import city.gridwhistle.api.grid.FindGridMapQuery;
import city.gridwhistle.api.grid.GridMap;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.Categories;
import city.gridwhistle.api.shared.CategoryFamily;
import city.gridwhistle.api.shared.FindCategoriesQuery;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.infra.audit.AuditVerifier;
import city.gridwhistle.web.RequestValues;
import city.gridwhistle.web.problem.InvalidParameterException;
import city.gridwhistle.web.security.StaffNames;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The supervisor's pages. Reading goes through the query gateway (the audit pages record each look in the case's
 * access log, as the history API does); every change goes through the JSON API from the page's scripts.
 */
@Controller
@RequestMapping("/supervisor")
class SupervisorPages {

    /** What a supervisor does from the case page, in this order. */
    static final List<CaseAction> SUPERVISOR_ACTIONS = List.of(CaseAction.DISPATCH, CaseAction.REASSIGN,
            CaseAction.ESCALATE, CaseAction.PARK, CaseAction.UNPARK);
    static final List<String> QUEUES = List.of("escalated", "parked", "awaiting", "overdue");
    private static final int DEFAULT_DAYS = 30;
    private static final int HEATMAP_ZOOM = 17;
    private static final int QUEUE_SIZE = 100;

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final AuditVerifier verifier;
    private final ObjectMapper json;
    private final StaffNames staffNames;

    SupervisorPages(QueryGateway queries, CommandGateway commands, AuditVerifier verifier, ObjectMapper json,
                    StaffNames staffNames) {
        this.queries = queries;
        this.commands = commands;
        this.verifier = verifier;
        this.json = json;
        this.staffNames = staffNames;
    }

    // ---- dashboard -------------------------------------------------------------------------------------------

    /** The period's figures (docs/metrics.md), trend, by category, by unit, ranking and heat map. */
    @GetMapping
    String dashboard(@ModelAttribute DashboardForm form, Actor me, Model model) {
        figures(form, me, model);
        model.addAttribute("groupings", Grouping.values());
        model.addAttribute("intervals", TrendInterval.values());
        return "supervisor/dashboard";
    }

    /** The figures alone, fetched again when the live stream says they changed. */
    @GetMapping("/dashboard/figures")
    String dashboardFigures(@ModelAttribute DashboardForm form, Actor me, Model model) {
        figures(form, me, model);
        return "supervisor/dashboard :: figures";
    }

    private void figures(DashboardForm form, Actor me, Model model) {
        LocalDate today = LocalDate.now(RequestValues.CITY);
        LocalDate toDay = date("to", form.to(), today);
        LocalDate fromDay = date("from", form.from(), toDay.minusDays(DEFAULT_DAYS - 1L));
        if (fromDay.isAfter(toDay)) {
            throw new InvalidParameterException("from", "the period starts before it ends");
        }
        Grouping groupBy = form.groupBy() == null ? Grouping.DISTRICT : form.groupBy();
        TrendInterval interval = form.interval() == null ? TrendInterval.DAY : form.interval();
        Instant from = fromDay.atStartOfDay(RequestValues.CITY).toInstant();
        Instant to = toDay.plusDays(1).atStartOfDay(RequestValues.CITY).toInstant();
        Performance byUnit = queries.query(new FindPerformanceQuery(from, to, groupBy, me), Performance.class).join();
        Performance byCategory = groupBy == Grouping.CATEGORY ? byUnit
                : queries.query(new FindPerformanceQuery(from, to, Grouping.CATEGORY, me), Performance.class).join();
        Trend trend = queries.query(new FindTrendQuery(from, to, interval, me), Trend.class).join();
        Heatmap heatmap = queries.query(new FindHeatmapQuery(from, to, HEATMAP_ZOOM, me), Heatmap.class).join();
        model.addAttribute("form", new DashboardForm(fromDay.toString(), toDay.toString(), groupBy, interval));
        model.addAttribute("performance", byUnit);
        model.addAttribute("byCategory", byCategory);
        model.addAttribute("trend", trend);
        model.addAttribute("heatmap", heatmap);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("trend", trend.points());
        data.put("byCategory", byCategory.units());
        data.put("byUnit", byUnit.units());
        data.put("heatmap", heatmap.tiles());
        model.addAttribute("chartData", scriptJson(data));
    }

    /** JSON to embed in a {@code <script type="application/json">}: nothing in it may close the element. */
    private String scriptJson(Object value) {
        try {
            return json.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate date(String parameter, String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(parameter, "expected a date (2026-11-29)");
        }
    }

    // ---- search ----------------------------------------------------------------------------------------------

    @GetMapping("/cases")
    String search(@ModelAttribute SearchForm form, Actor me, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("categories", queries.query(new FindCategoriesQuery(), Categories.class).join()
                .categories());
        model.addAttribute("cells", queries.query(new FindGridMapQuery(null), GridMap.class).join().cells());
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("sorts", CaseSort.values());
        model.addAttribute("families", CategoryFamily.values());
        model.addAttribute("result", form.searched() ? search(form, me) : null);
        return "supervisor/search";
    }

    /** The results alone (htmx), or the next page of rows when a cursor is given. */
    @GetMapping("/cases/results")
    String results(@ModelAttribute SearchForm form, Actor me, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("result", search(form, me));
        return form.cursor() == null || form.cursor().isBlank() ? "supervisor/search :: results"
                : "supervisor/search :: rows";
    }

    private CaseSearchResult search(SearchForm form, Actor me) {
        GeoScope geo = null;
        if (form.near() != null && !form.near().isBlank()) {
            geo = RequestValues.circle("near", form.near());
        }
        CaseSort sort = form.sort() == null ? CaseSort.NEWEST : form.sort();
        GeoPoint origin = geo != null ? geo.center() : null;
        if (sort == CaseSort.DISTANCE && origin == null) {
            sort = CaseSort.NEWEST;
        }
        Instant to = RequestValues.instant("to", form.to());
        if (to != null && form.to().length() == 10) {
            to = to.plus(java.time.Duration.ofDays(1));
        }
        CaseFilters filters = new CaseFilters(form.status(), form.family(), blank(form.major()), blank(form.category()),
                blank(form.district()), blank(form.street()), blank(form.community()), blank(form.cell()),
                blank(form.worker()), blank(form.urgency()), RequestValues.instant("from", form.from()), to,
                form.overdue(), form.awaitingSupervisor(), form.escalated());
        int size = form.size() == null ? 20 : Math.max(1, Math.min(SearchCasesQuery.MAX_PAGE_SIZE, form.size()));
        try {
            String text = RequestValues.searchText("q", blank(form.q()));
            return queries.query(new SearchCasesQuery(text, filters, geo, sort, origin, 0, size,
                    blank(form.cursor()), me), CaseSearchResult.class).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) {
                throw new InvalidParameterException("cursor", bad.getMessage());
            }
            throw e;
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    // ---- one case: audit timeline, as of, verification, actions ----------------------------------------------

    @GetMapping("/cases/{caseId}")
    String caseAudit(@PathVariable String caseId, Actor me, Model model) {
        CaseHistory history = queries.query(new FindCaseHistoryQuery(caseId, me),
                ResponseTypes.optionalInstanceOf(CaseHistory.class)).join()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        commands.sendAndWait(new RecordHistoryAccessCommand(caseId, me, HistoryAccessAction.VIEWED,
                history.entries().size() + " events (page)"));
        model.addAttribute("history", staffNames.named(history));
        model.addAttribute("lastSeq", history.entries().isEmpty() ? 0 : history.entries().getLast().sequence());
        // the same verifier as GET /api/admin/audit/verification/{id}, run only once the viewer may audit the case
        model.addAttribute("verification", verifier.verifyAggregate(caseId));
        caseDetail(caseId, me, model);
        return "supervisor/case";
    }

    /** The state and actions alone; a case the supervisor may not see (or not yet indexed) is not found. */
    @GetMapping("/cases/{caseId}/detail")
    String caseDetailFragment(@PathVariable String caseId, Actor me, Model model) {
        if (caseDetail(caseId, me, model).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "supervisor/case :: detail";
    }

    private Optional<CaseView> caseDetail(String caseId, Actor me, Model model) {
        Optional<CaseView> found = queries.query(new FindCaseQuery(caseId, me),
                ResponseTypes.optionalInstanceOf(CaseView.class)).join();
        model.addAttribute("c", found.orElse(null));
        model.addAttribute("actions", found.map(c -> SUPERVISOR_ACTIONS.stream().filter(c.allowedActions()::contains)
                .toList()).orElse(List.of()));
        return found;
    }

    /** The case as it stood right after the event with this sequence number (recorded as an as-of look). */
    @GetMapping("/cases/{caseId}/as-of")
    String asOf(@PathVariable String caseId, @RequestParam long seq, Actor me, Model model) {
        CaseHistory history = queries.query(new FindCaseHistoryQuery(caseId, me),
                ResponseTypes.optionalInstanceOf(CaseHistory.class)).join()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        HistoryEntry entry = history.entries().stream().filter(e -> e.sequence() == seq).findFirst()
                .orElseThrow(() -> new InvalidParameterException("seq", "the case has no event " + seq));
        // by sequence, not by time: events appended in the same millisecond would otherwise all count at once
        HistoryPoint point = HistoryPoint.afterEvent(seq);
        CaseAsOf asOf = queries.query(new FindCaseAsOfQuery(caseId, point, me),
                ResponseTypes.optionalInstanceOf(CaseAsOf.class)).join()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        commands.sendAndWait(new RecordHistoryAccessCommand(caseId, me, HistoryAccessAction.AS_OF,
                point.toString()));
        model.addAttribute("asOf", asOf);
        model.addAttribute("entry", entry);
        return "supervisor/case :: asOf";
    }

    // ---- queues ----------------------------------------------------------------------------------------------

    @GetMapping("/queues")
    String queues(@RequestParam(defaultValue = "escalated") String queue, Actor me, Model model) {
        String chosen = QUEUES.contains(queue) ? queue : "escalated";
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String name : QUEUES) {
            counts.put(name, queue(name, me, 1).total());
        }
        model.addAttribute("queues", QUEUES);
        model.addAttribute("counts", counts);
        model.addAttribute("queue", chosen);
        model.addAttribute("result", queue(chosen, me, QUEUE_SIZE));
        return "supervisor/queues";
    }

    @GetMapping("/queues/list")
    String queueList(@RequestParam(defaultValue = "escalated") String queue, Actor me, Model model) {
        String chosen = QUEUES.contains(queue) ? queue : "escalated";
        model.addAttribute("queue", chosen);
        model.addAttribute("result", queue(chosen, me, QUEUE_SIZE));
        return "supervisor/queues :: list";
    }

    private CaseSearchResult queue(String name, Actor me, int size) {
        Set<CaseStatus> open = CaseStatus.OPEN;
        CaseFilters filters = switch (name) {
            case "parked" -> new CaseFilters(Set.of(CaseStatus.PARKED), null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null);
            case "awaiting" -> new CaseFilters(open, null, null, null, null, null, null, null, null, null, null, null,
                    null, true, null);
            case "overdue" -> new CaseFilters(open, null, null, null, null, null, null, null, null, null, null, null,
                    true, null, null);
            default -> new CaseFilters(open, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, true);
        };
        return queries.query(new SearchCasesQuery(null, filters, null, CaseSort.DEADLINE, null, 0, size, null, me),
                CaseSearchResult.class).join();
    }

    /** The dashboard's period (dates in city time, both days included), grouping and trend interval. */
    record DashboardForm(String from, String to, Grouping groupBy, TrendInterval interval) {
    }

    /** Every filter of a case search, as the search form sends them. */
    record SearchForm(String q, Set<CaseStatus> status, CategoryFamily family, String major, String category,
                      String district, String street, String community, String cell, String worker, String urgency,
                      String from, String to, Boolean overdue, Boolean awaitingSupervisor, Boolean escalated,
                      String near, CaseSort sort, Integer size, String cursor, String go) {

        /** Whether the form was sent (a first visit shows the form only). */
        boolean searched() {
            return go != null;
        }

        public Set<CaseStatus> status() {
            return status == null ? Set.of() : status;
        }
    }
}
