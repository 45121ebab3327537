package city.gridwhistle.command.routing;

import city.gridwhistle.api.casework.CaseClosedEvent;
import city.gridwhistle.api.casework.CaseDispatchedEvent;
import city.gridwhistle.api.casework.CaseQueuedForSupervisorEvent;
import city.gridwhistle.api.casework.CaseReassignedEvent;
import city.gridwhistle.api.casework.CaseTransferredEvent;
import city.gridwhistle.api.casework.CaseVoidedEvent;
import city.gridwhistle.api.grid.GridCellDefinedEvent;
import city.gridwhistle.api.grid.GridCellRedrawnEvent;
import city.gridwhistle.api.grid.GridWorkerCellsAssignedEvent;
import city.gridwhistle.api.grid.GridWorkerEnrolledEvent;
import city.gridwhistle.api.grid.GridWorkerWentOffDutyEvent;
import city.gridwhistle.api.grid.GridWorkerWentOnDutyEvent;
import city.gridwhistle.api.shared.GeoPoint;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.DoubleSummaryStatistics;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the routing tables (cells, workers, duty, load) in step with the events. Runs in a subscribing processor,
 * inside the transaction that appends the events, so routing never sees a stale grid.
 */
@Component
@ProcessingGroup(GridLookupProjection.GROUP)
public class GridLookupProjection {

    public static final String GROUP = "command-lookups";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public GridLookupProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(GridCellDefinedEvent event) {
        DoubleSummaryStatistics lat = event.boundary().stream().mapToDouble(GeoPoint::lat).summaryStatistics();
        DoubleSummaryStatistics lon = event.boundary().stream().mapToDouble(GeoPoint::lon).summaryStatistics();
        var cell = event.cell();
        jdbc.update("""
                insert into grid_cell (cell_code, name, district_code, district, street_code, street, community_code,
                                       community, boundary, min_lat, max_lat, min_lon, max_lon)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (cell_code) do nothing""",
                event.cellCode(), cell.cellName(), cell.districtCode(), cell.district(), cell.streetCode(),
                cell.street(), cell.communityCode(), cell.community(), write(event.boundary()),
                lat.getMin(), lat.getMax(), lon.getMin(), lon.getMax());
    }

    /** A redrawn cell routes new reports by its new shape at once: same transaction as the event. */
    @EventHandler
    void on(GridCellRedrawnEvent event) {
        DoubleSummaryStatistics lat = event.boundary().stream().mapToDouble(GeoPoint::lat).summaryStatistics();
        DoubleSummaryStatistics lon = event.boundary().stream().mapToDouble(GeoPoint::lon).summaryStatistics();
        var cell = event.cell();
        jdbc.update("""
                update grid_cell set name = ?, district_code = ?, district = ?, street_code = ?, street = ?,
                       community_code = ?, community = ?, boundary = ?, min_lat = ?, max_lat = ?, min_lon = ?, max_lon = ?
                 where cell_code = ?""",
                cell.cellName(), cell.districtCode(), cell.district(), cell.streetCode(), cell.street(),
                cell.communityCode(), cell.community(), write(event.boundary()),
                lat.getMin(), lat.getMax(), lon.getMin(), lon.getMax(), event.cellCode());
    }

    @EventHandler
    void on(GridWorkerEnrolledEvent event) {
        jdbc.update("insert into grid_worker (worker_id, display_name) values (?, ?) on conflict do nothing",
                event.workerId(), event.displayName());
        event.cellCodes().forEach(cell -> jdbc.update(
                "insert into grid_worker_cell (worker_id, cell_code) values (?, ?) on conflict do nothing",
                event.workerId(), cell));
    }

    /** The worker's cells are replaced: routing of new reports follows at once. */
    @EventHandler
    void on(GridWorkerCellsAssignedEvent event) {
        jdbc.update("delete from grid_worker_cell where worker_id = ?", event.workerId());
        event.cellCodes().forEach(cell -> jdbc.update(
                "insert into grid_worker_cell (worker_id, cell_code) values (?, ?) on conflict do nothing",
                event.workerId(), cell));
    }

    @EventHandler
    void on(GridWorkerWentOnDutyEvent event) {
        jdbc.update("update grid_worker set on_duty = true where worker_id = ?", event.workerId());
    }

    @EventHandler
    void on(GridWorkerWentOffDutyEvent event) {
        jdbc.update("update grid_worker set on_duty = false where worker_id = ?", event.workerId());
    }

    @EventHandler
    void on(CaseDispatchedEvent event) {
        assign(event.caseId(), event.workerId());
    }

    @EventHandler
    void on(CaseReassignedEvent event) {
        assign(event.caseId(), event.toWorkerId());
    }

    @EventHandler
    void on(CaseTransferredEvent event) {
        unassign(event.caseId());
    }

    @EventHandler
    void on(CaseQueuedForSupervisorEvent event) {
        unassign(event.caseId());
    }

    @EventHandler
    void on(CaseClosedEvent event) {
        unassign(event.caseId());
    }

    @EventHandler
    void on(CaseVoidedEvent event) {
        unassign(event.caseId());
    }

    /**
     * A worker's open cases are the cases assigned to them and neither closed nor voided, counted where they are
     * read: a counter on the worker's row would be updated by every report routed to them, and that row's lock,
     * held until the command commits, made concurrent reports for one worker wait for each other (decision 0034).
     */
    private void assign(String caseId, String workerId) {
        jdbc.update("""
                insert into case_assignment (case_id, worker_id) values (?, ?)
                on conflict (case_id) do update set worker_id = excluded.worker_id""", caseId, workerId);
    }

    private void unassign(String caseId) {
        jdbc.update("delete from case_assignment where case_id = ?", caseId);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
