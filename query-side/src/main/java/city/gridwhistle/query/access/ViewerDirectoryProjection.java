package city.gridwhistle.query.access;

import city.gridwhistle.api.grid.GridWorkerCellsAssignedEvent;
import city.gridwhistle.api.grid.GridWorkerEnrolledEvent;
import city.gridwhistle.api.rider.PersonalDataErasedEvent;
import city.gridwhistle.api.rider.RiderRegisteredEvent;
import city.gridwhistle.infra.privacy.SealedTexts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects workers' cells and riders' handles for access filters and pseudonymous display. Idempotent. A handle
 * sealed under its rider's key is opened here; an erased rider has no handle: their row goes with the erasure, and
 * a replay meets the registration with the key already destroyed.
 */
@Component
@ProcessingGroup(ViewerDirectoryProjection.GROUP)
public class ViewerDirectoryProjection {

    public static final String GROUP = "viewer-directory";

    private final JdbcTemplate jdbc;
    private final SealedTexts texts;
    private final ViewerDirectory directory;

    public ViewerDirectoryProjection(JdbcTemplate jdbc, SealedTexts texts, ViewerDirectory directory) {
        this.jdbc = jdbc;
        this.texts = texts;
        this.directory = directory;
    }

    @EventHandler
    void on(GridWorkerEnrolledEvent event) {
        event.cellCodes().forEach(cell -> jdbc.update(
                "insert into viewer_worker_cell (worker_id, cell_code) values (?, ?) on conflict do nothing",
                event.workerId(), cell));
    }

    /** The worker's cells are replaced, so what they may read follows their new cells. */
    @EventHandler
    void on(GridWorkerCellsAssignedEvent event) {
        jdbc.update("delete from viewer_worker_cell where worker_id = ?", event.workerId());
        event.cellCodes().forEach(cell -> jdbc.update(
                "insert into viewer_worker_cell (worker_id, cell_code) values (?, ?) on conflict do nothing",
                event.workerId(), cell));
    }

    @EventHandler
    void on(RiderRegisteredEvent event) {
        texts.openOrPlain(event.riderId(), RiderRegisteredEvent.HANDLE, event.sealedHandle(), event.handle())
                .ifPresent(handle -> jdbc.update("""
                        insert into viewer_rider_handle (rider_id, handle) values (?, ?)
                        on conflict (rider_id) do update set handle = excluded.handle""", event.riderId(), handle));
    }

    @EventHandler
    void on(PersonalDataErasedEvent event) {
        jdbc.update("delete from viewer_rider_handle where rider_id = ?", event.riderId());
        directory.forget(event.riderId());
    }
}
