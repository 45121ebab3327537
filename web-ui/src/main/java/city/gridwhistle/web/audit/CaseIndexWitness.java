package city.gridwhistle.web.audit;

import city.gridwhistle.api.casework.CaseView;
import city.gridwhistle.api.casework.FindCaseQuery;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.infra.audit.SequenceWitness;
import java.util.OptionalLong;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * The case search index as a witness for a case's verification: its document keeps the sequence number of the
 * last event folded in ({@link CaseView#version()}). The index lags the event store by moments at most, and never
 * leads it, so a version the store no longer holds means events were deleted (decision 0045). Asked as an
 * administrator, who sees every case; an id that is not a case's is unknown to it.
 */
@Component
class CaseIndexWitness implements SequenceWitness {

    private static final Actor VERIFIER = new Actor("audit-verifier", Role.ADMIN);

    private final QueryGateway queries;

    CaseIndexWitness(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public String name() {
        return "the case index";
    }

    @Override
    public OptionalLong lastSequenceSeen(String aggregateId) {
        return queries.query(new FindCaseQuery(aggregateId, VERIFIER), ResponseTypes.optionalInstanceOf(CaseView.class))
                .join()
                .filter(view -> view.version() >= 0)
                .map(view -> OptionalLong.of(view.version()))
                .orElseGet(OptionalLong::empty);
    }
}
