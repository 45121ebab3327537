package city.gridwhistle.web.pages;

import city.gridwhistle.api.casework.CaseAction;
import city.gridwhistle.api.casework.CaseView;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * What the staff pages show about a case beyond its fields: when its running step started (for the countdown's
 * colours), which actions to offer, search snippets made safe, rates as percentages. Templates call
 * {@code ${@cases.…}}.
 */
@Component("cases")
public class CaseDisplay {

    private static final Pattern EM = Pattern.compile("&lt;(/?)em&gt;");

    /** When the running step began: its share of time used decides amber (less than a fifth left). */
    public Instant stepStart(CaseView c) {
        if (c == null || c.step() == null) {
            return null;
        }
        return switch (c.step()) {
            case "DISPATCH" -> c.registeredAt() != null ? c.registeredAt() : c.reportedAt();
            case "ACCEPT" -> c.dispatchedAt();
            case "HANDLE" -> c.acceptedAt() != null ? c.acceptedAt() : c.dispatchedAt();
            case "VERIFY" -> c.resolvedAt();
            default -> null;
        };
    }

    /** The allowed actions of the case that are among those offered on a page, in the page's order. */
    public List<CaseAction> offered(CaseView c, List<CaseAction> offered) {
        return offered.stream().filter(c.allowedActions()::contains).toList();
    }

    public boolean allows(CaseView c, String action) {
        return c.allowedActions().contains(CaseAction.valueOf(action));
    }

    /** A search snippet: everything escaped except the {@code <em>} the search put around matches. */
    public String snippet(String highlighted) {
        return highlighted == null ? "" : EM.matcher(HtmlUtils.htmlEscape(highlighted)).replaceAll("<$1em>");
    }

    /** A rate (0..1) as a whole percentage; a rate without a denominator is shown as a dash. */
    public String percent(Double rate) {
        return rate == null ? "—" : String.format(Locale.ROOT, "%.0f%%", rate * 100);
    }

    public String hours(Double hours) {
        return hours == null ? "—" : String.format(Locale.ROOT, "%.1f", hours);
    }

    /** Whether a case is open (not closed, voided or merged). */
    public boolean open(CaseView c) {
        return c.status().isOpen();
    }
}
