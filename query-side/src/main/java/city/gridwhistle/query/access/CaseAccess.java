package city.gridwhistle.query.access;

import city.gridwhistle.api.casework.CaseSight;
import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.casework.CaseVisibility;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.Role;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Where the query side applies {@link CaseVisibility}, the one rule of who sees how much of a case
 * (docs/security.md): for a reader, as a search filter over the index (the cases they see at least so much of),
 * and as the sight of each case found, which decides the view they get. {@code CaseAccessIntegrationTest} holds the
 * filter to the rule on a real index.
 */
@Component
public class CaseAccess {

    private static final Query NOTHING = Query.of(q -> q.bool(b -> b.mustNot(m -> m.matchAll(a -> a))));
    private static final Query EVERYTHING = Query.of(q -> q.matchAll(a -> a));
    private static final Query ON_PUBLIC_RECORD = Query.of(q -> q.bool(b -> b.mustNot(m -> m.terms(t -> t
            .field("status").terms(v -> v.value(List.of(FieldValue.of(CaseStatus.VOIDED.name()),
                    FieldValue.of(CaseStatus.MERGED.name()))))))));

    private static final long CELLS_FRESH_FOR_NANOS = 60_000_000_000L;

    private record CachedCells(Set<String> cells, long loadedAt) {
    }

    private final ViewerDirectory directory;
    private final ConcurrentHashMap<String, CachedCells> workerCells = new ConcurrentHashMap<>();

    public CaseAccess(ViewerDirectory directory) {
        this.directory = directory;
    }

    /**
     * A reader as a request sees them, a grid worker's cells read afresh: the filter and the sight of each case
     * then agree for the whole request.
     */
    public Reader reader(Actor viewer) {
        return new Reader(viewer, viewer != null && viewer.is(Role.GRID_WORKER) ? freshCellsOf(viewer.id()) : Set.of());
    }

    /** The same reader for live updates, its cells read once a minute at most. */
    public Reader cachedReader(Actor viewer) {
        return new Reader(viewer, viewer != null && viewer.is(Role.GRID_WORKER) ? cellsOf(viewer.id()) : Set.of());
    }

    /** The public record: every case but a voided one ({@link CaseVisibility#onPublicRecord}). */
    public static Query publicRecord() {
        return ON_PUBLIC_RECORD;
    }

    /** The cases the viewer may list and open by id: those they see at least as a follower. */
    public Query filterFor(Actor viewer) {
        return reader(viewer).filter(CaseSight.FOLLOWER);
    }

    /** Someone reading cases, with what the rule needs to know of them. */
    public static final class Reader {

        private final Actor viewer;
        private final Set<String> cells;

        private Reader(Actor viewer, Set<String> cells) {
            this.viewer = viewer;
            this.cells = cells;
        }

        public Actor actor() {
            return viewer;
        }

        /** How much of the case they see. */
        public CaseSight sightOf(CaseVisibility.Parties parties) {
            return CaseVisibility.sightOf(viewer, parties, cells::contains);
        }

        /**
         * The index's filter for the cases they see at least this much of: {@link CaseVisibility#sightOf} over the
         * indexed fields.
         */
        public Query filter(CaseSight least) {
            if (viewer == null || viewer.role() == null) {
                return NOTHING;
            }
            if (least == CaseSight.NONE) {
                return EVERYTHING;
            }
            return switch (viewer.role()) {
                case ADMIN, SYSTEM -> EVERYTHING;
                case SUPERVISOR -> viewer.unit() == null ? EVERYTHING : term("districtCode", viewer.unit());
                case GRID_WORKER -> Query.of(q -> q.bool(b -> b
                        .should(s -> s.terms(t -> t.field("cellCode").terms(v -> v.value(
                                cells.stream().map(FieldValue::of).toList()))))
                        .should(term("workerId", viewer.id()))
                        .minimumShouldMatch("1")));
                case RIDER, PARTNER -> switch (least) {
                    case HANDLER -> NOTHING;
                    // documents indexed before reporterIds name the first reporter only
                    case REPORTER -> anyOf(term("reporterIds", viewer.id()), term("reporterId", viewer.id()));
                    case FOLLOWER -> term("followerIds", viewer.id());
                    case PUBLIC, NONE -> anyOf(term("followerIds", viewer.id()), ON_PUBLIC_RECORD);
                };
            };
        }

        /**
         * Whether they may read what handlers write on a case (reasons, notes): only those who handle cases, so
         * searching for a word never matches, counts or highlights it for anyone else.
         */
        public boolean readsInternalText() {
            return viewer != null && switch (viewer.role()) {
                case GRID_WORKER, SUPERVISOR, ADMIN, SYSTEM -> true;
                case RIDER, PARTNER -> false;
            };
        }
    }

    /**
     * A worker's cells as the directory has them now; when the directory cannot be read (PostgreSQL down), the cells
     * last read, so that a worker's search keeps working from Elasticsearch through a database outage.
     */
    private Set<String> freshCellsOf(String workerId) {
        try {
            Set<String> cells = Set.copyOf(directory.cellsOf(workerId));
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

    private Set<String> cellsOf(String workerId) {
        var cached = workerCells.get(workerId);
        long now = System.nanoTime();
        if (cached == null || now - cached.loadedAt() > CELLS_FRESH_FOR_NANOS) {
            cached = new CachedCells(Set.copyOf(directory.cellsOf(workerId)), now);
            workerCells.put(workerId, cached);
        }
        return cached.cells();
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static Query anyOf(Query one, Query other) {
        return Query.of(q -> q.bool(b -> b.should(one).should(other).minimumShouldMatch("1")));
    }
}
