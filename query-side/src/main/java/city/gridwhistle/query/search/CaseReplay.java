package city.gridwhistle.query.search;

import city.gridwhistle.api.casework.CaseView;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * A case's state rebuilt from a run of its events through {@link CaseFold}, the one fold the index uses, so a
 * state rebuilt for an audit reads exactly as the index would have shown it after those events.
 */
public final class CaseReplay {

    private CaseReplay() {
    }

    /**
     * The case after the given events, in stream order; null when none of them made a case (no report filed among
     * them). Carries no reporter handle: an audit names reporters only by their pseudonymous id in the history.
     */
    public static CaseView stateAfter(String caseId, Iterable<? extends DomainEventMessage<?>> events) {
        CaseDocument doc = documentAfter(caseId, events);
        return doc == null ? null : doc.toView(null);
    }

    /** The document the index would hold after the events; null when none of them made a case. */
    static CaseDocument documentAfter(String caseId, Iterable<? extends DomainEventMessage<?>> events) {
        CaseDocument doc = new CaseDocument();
        for (DomainEventMessage<?> event : events) {
            CaseFold.apply(doc, caseId, event.getPayload(), event.getSequenceNumber());
        }
        return doc.status == null ? null : doc;
    }
}
