package city.gridwhistle.query.search;

import city.gridwhistle.api.casework.CaseSight;
import city.gridwhistle.api.casework.CaseView;
import city.gridwhistle.api.casework.WatchCasesQuery;
import city.gridwhistle.api.dashboard.WatchDashboardQuery;
import city.gridwhistle.query.access.CaseAccess;
import city.gridwhistle.query.live.InstanceSignals;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Tells live subscribers about changed cases once a projection batch is written (the emitter delivers after the
 * batch commits): each subscription gets the cases its viewer may see, riders the public view, and dashboards a
 * signal that their area changed. The other instances are told which cases changed (decision 0016): they read
 * them from the index and tell their own subscribers, since each instance projects only its own segments.
 */
@Component
public class CaseFeed {

    static final String SIGNAL = "gw_cases_changed";
    private static final List<CaseSight> SEEN = List.of(CaseSight.FOLLOWER, CaseSight.REPORTER, CaseSight.HANDLER);

    private final QueryUpdateEmitter emitter;
    private final CaseAccess access;
    private final CaseDocumentStore store;
    private final InstanceSignals signals;

    public CaseFeed(QueryUpdateEmitter emitter, CaseAccess access, CaseDocumentStore store, InstanceSignals signals) {
        this.emitter = emitter;
        this.access = access;
        this.store = store;
        this.signals = signals;
        signals.on(SIGNAL, this::changedElsewhere);
    }

    void changed(Collection<CaseDocument> documents) {
        emit(documents);
        signals.tellAll(SIGNAL, documents.stream().map(doc -> doc.caseId).toList());
    }

    /** Another instance projected these cases: our subscribers hear of them as they are in the index now. */
    void changedElsewhere(String caseIds) {
        emit(store.findAll(CaseIndex.ALIAS, InstanceSignals.items(caseIds)).values());
    }

    private void emit(Collection<CaseDocument> documents) {
        for (CaseDocument doc : documents) {
            CaseView full = doc.toView(null);
            // each subscriber hears of the case as much as they see of it, and not at all when that is nothing
            for (CaseSight sight : SEEN) {
                emitter.emit(WatchCasesQuery.class, query -> sightOf(query, doc) == sight, full.seenWith(sight));
            }
        }
        Set<String> districts = documents.stream().map(d -> d.districtCode).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        if (!districts.isEmpty()) {
            var signal = new WatchDashboardQuery.DashboardChanged(districts, Instant.now());
            emitter.emit(WatchDashboardQuery.class,
                    query -> query.viewer().unit() == null || districts.contains(query.viewer().unit()), signal);
        }
    }

    /** A live view lists the cases the viewer may list: those they see at least as a follower. */
    private CaseSight sightOf(WatchCasesQuery query, CaseDocument doc) {
        CaseSight sight = access.cachedReader(query.viewer()).sightOf(doc.parties());
        return sight.atLeast(CaseSight.FOLLOWER) ? sight : CaseSight.NONE;
    }
}
