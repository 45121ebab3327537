package city.gridwhistle.query.access;

import city.gridwhistle.api.shared.Actor;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The one place that says which cases a viewer may see, as a search filter. Riders and partners: cases they
 * reported, corroborated or follow. Grid workers: cases in their cells, or assigned to them. Supervisors: their
 * district, or every district when they hold no unit. Administrators: all. Anyone else: nothing.
 */
@Component
public class CaseAccess {

    private static final Query NOTHING = Query.of(q -> q.bool(b -> b.mustNot(m -> m.matchAll(a -> a))));
    private static final Query EVERYTHING = Query.of(q -> q.matchAll(a -> a));

    private static final long CELLS_FRESH_FOR_NANOS = 60_000_000_000L;

    private record CachedCells(List<String> cells, long loadedAt) {
    }

    private final ViewerDirectory directory;
    private final java.util.concurrent.ConcurrentHashMap<String, CachedCells> workerCells =
            new java.util.concurrent.ConcurrentHashMap<>();

    public CaseAccess(ViewerDirectory directory) {
        this.directory = directory;
    }

    public Query filterFor(Actor viewer) {
        if (viewer == null) {
            return NOTHING;
        }
        return switch (viewer.role()) {
            case RIDER, PARTNER -> term("followerIds", viewer.id());
            case GRID_WORKER -> {
                List<FieldValue> cells = freshCellsOf(viewer.id()).stream().map(FieldValue::of).toList();
                yield Query.of(q -> q.bool(b -> b
                        .should(s -> s.terms(t -> t.field("cellCode").terms(v -> v.value(cells))))
                        .should(term("workerId", viewer.id()))
                        .minimumShouldMatch("1")));
            }
            case SUPERVISOR -> viewer.unit() == null ? EVERYTHING : term("districtCode", viewer.unit());
            case ADMIN, SYSTEM -> EVERYTHING;
        };
    }

    /**
     * The same rule as {@link #filterFor} for one case already in hand (live updates). A worker's cells are looked
     * up once a minute at most.
     */
    public boolean allows(Actor viewer, String cellCode, String districtCode, String workerId, List<String> followerIds) {
        if (viewer == null) {
            return false;
        }
        return switch (viewer.role()) {
            case RIDER, PARTNER -> followerIds.contains(viewer.id());
            case GRID_WORKER -> viewer.id().equals(workerId) || cellsOf(viewer.id()).contains(cellCode);
            case SUPERVISOR -> viewer.covers(districtCode);
            case ADMIN, SYSTEM -> true;
        };
    }

    /**
     * A worker's cells as the directory has them now; when the directory cannot be read (PostgreSQL down), the cells
     * last read, so that a worker's search keeps working from Elasticsearch through a database outage.
     */
    private List<String> freshCellsOf(String workerId) {
        try {
            List<String> cells = directory.cellsOf(workerId);
            workerCells.put(workerId, new CachedCells(cells, System.nanoTime()));
            return cells;
        } catch (RuntimeException unreadable) {
            CachedCells last = workerCells.get(workerId);
            if (last == null) {
                throw unreadable;
            }
            return last.cells();
        }
    }

    private List<String> cellsOf(String workerId) {
        var cached = workerCells.get(workerId);
        long now = System.nanoTime();
        if (cached == null || now - cached.loadedAt() > CELLS_FRESH_FOR_NANOS) {
            cached = new CachedCells(directory.cellsOf(workerId), now);
            workerCells.put(workerId, cached);
        }
        return cached.cells();
    }

    /** Riders and partners see the public view of a case, never who handles it. */
    public boolean seesPublicViewOnly(Actor viewer) {
        return viewer == null || viewer.is(city.gridwhistle.api.shared.Role.RIDER)
                || viewer.is(city.gridwhistle.api.shared.Role.PARTNER);
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }
}
