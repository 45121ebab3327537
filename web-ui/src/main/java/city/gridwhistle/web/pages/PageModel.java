package city.gridwhistle.web.pages;

import city.gridwhistle.web.security.GridUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page may show: who is signed in, where they can go from here, and the page settings. */
@ControllerAdvice(basePackages = "city.gridwhistle.web.pages")
class PageModel {

    /** A link of the top bar: the path and the message key of its label. */
    public record NavLink(String href, String label) {
    }

    private static final List<NavLink> RIDER = List.of(new NavLink("/rider", "nav.rider.report"),
            new NavLink("/rider/reports", "nav.rider.reports"), new NavLink("/rider/inbox", "nav.rider.inbox"),
            new NavLink("/rider/points", "nav.rider.points"), new NavLink("/rider/stations", "nav.rider.stations"),
            new NavLink("/rider/devices", "nav.rider.devices"));
    private static final List<NavLink> WORKER = List.of(new NavLink("/worker", "nav.worker.inbox"),
            new NavLink("/worker/map", "nav.worker.map"));
    private static final List<NavLink> SUPERVISOR = List.of(new NavLink("/supervisor", "nav.supervisor.dashboard"),
            new NavLink("/supervisor/cases", "nav.supervisor.search"),
            new NavLink("/supervisor/queues", "nav.supervisor.queues"));
    private static final List<NavLink> ADMIN = List.of(new NavLink("/admin", "nav.admin.accounts"),
            new NavLink("/admin/grid", "nav.admin.grid"), new NavLink("/admin/categories", "nav.admin.categories"),
            new NavLink("/admin/stations", "nav.admin.stations"), new NavLink("/admin/api-keys", "nav.admin.apiKeys"),
            new NavLink("/supervisor", "nav.supervisor.dashboard"));

    private final PageSettings settings;

    PageModel(PageSettings settings) {
        this.settings = settings;
    }

    @ModelAttribute("me")
    GridUser me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof GridUser user ? user : null;
    }

    @ModelAttribute("nav")
    List<NavLink> nav() {
        GridUser me = me();
        if (me == null) {
            return List.of();
        }
        return switch (me.role()) {
            case RIDER -> RIDER;
            case GRID_WORKER -> WORKER;
            case SUPERVISOR -> SUPERVISOR;
            case ADMIN -> ADMIN;
            case PARTNER, SYSTEM -> List.of();
        };
    }

    @ModelAttribute("current")
    String current(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("pageSettings")
    PageSettings settings() {
        return settings;
    }
}
