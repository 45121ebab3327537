package city.gridwhistle.command.duplicates;

import city.gridwhistle.api.casework.CaseClosedEvent;
import city.gridwhistle.api.casework.CaseReopenedEvent;
import city.gridwhistle.api.casework.CaseVoidedEvent;
import city.gridwhistle.api.intake.ReportFiledEvent;
import city.gridwhistle.command.routing.GridLookupProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code open_case_location} in step with the events, in their transaction (subscribing processor). */
@Component
@ProcessingGroup(GridLookupProjection.GROUP)
public class OpenCaseLookupProjection {

    private final JdbcTemplate jdbc;

    public OpenCaseLookupProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ReportFiledEvent event) {
        jdbc.update("""
                insert into open_case_location (case_id, category_code, lat, lon) values (?, ?, ?, ?)
                on conflict (case_id) do nothing""",
                event.caseId(), event.categoryCode(), event.location().lat(), event.location().lon());
    }

    @EventHandler
    void on(CaseClosedEvent event) {
        setOpen(event.caseId(), false);
    }

    @EventHandler
    void on(CaseVoidedEvent event) {
        setOpen(event.caseId(), false);
    }

    @EventHandler
    void on(CaseReopenedEvent event) {
        setOpen(event.caseId(), true);
    }

    private void setOpen(String caseId, boolean open) {
        jdbc.update("update open_case_location set open = ? where case_id = ?", open, caseId);
    }
}
