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

    private final ViewerDirectory directory;

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
                List<FieldValue> cells = directory.cellsOf(viewer.id()).stream().map(FieldValue::of).toList();
                yield Query.of(q -> q.bool(b -> b
                        .should(s -> s.terms(t -> t.field("cellCode").terms(v -> v.value(cells))))
                        .should(term("workerId", viewer.id()))
                        .minimumShouldMatch("1")));
            }
            case SUPERVISOR -> viewer.unit() == null ? EVERYTHING : term("districtCode", viewer.unit());
            case ADMIN, SYSTEM -> EVERYTHING;
        };
    }

    /** Riders and partners see the public view of a case, never who handles it. */
    public boolean seesPublicViewOnly(Actor viewer) {
        return viewer.is(city.gridwhistle.api.shared.Role.RIDER) || viewer.is(city.gridwhistle.api.shared.Role.PARTNER);
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }
}
