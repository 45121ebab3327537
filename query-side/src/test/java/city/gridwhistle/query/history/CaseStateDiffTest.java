package city.gridwhistle.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.api.audit.FieldChange;
import city.gridwhistle.api.casework.CaseView;
import city.gridwhistle.query.search.CaseReplay;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

class CaseStateDiffTest {

    @Test
    void aTransferChangesTheCellFieldByFieldAndClearsTheWorker() {
        List<Object> events = SampleCaseEvents.everyKind();
        int transfer = indexOf(events, "CaseTransferredEvent");
        CaseView before = replay(events.subList(0, transfer));
        CaseView after = replay(events.subList(0, transfer + 1));

        List<FieldChange> changes = CaseStateDiff.between(before, after);

        assertThat(changes).extracting(FieldChange::field).contains("status", "cell.cellCode", "cell.districtCode",
                "workerId", "statusNote", "version").doesNotContain("cell", "categoryCode", "description");
        assertThat(changes).contains(new FieldChange("cell.cellCode", "51010400100103", "51011200100103"),
                new FieldChange("workerId", "W001", null), new FieldChange("status", "IN_PROGRESS", "REGISTERED"));
    }

    @Test
    void aStateComparedWithItselfHasNoChanges() {
        CaseView state = replay(SampleCaseEvents.everyKind());

        assertThat(CaseStateDiff.between(state, state)).isEmpty();
    }

    @Test
    void listsAreComparedWhole() {
        List<Object> events = SampleCaseEvents.everyKind();
        int resolved = indexOf(events, "CaseResolvedEvent");

        List<FieldChange> changes = CaseStateDiff.between(replay(events.subList(0, resolved)),
                replay(events.subList(0, resolved + 1)));

        assertThat(changes).contains(new FieldChange("resolutionPhotoHashes", List.of(), List.of("a".repeat(64))));
    }

    static CaseView replay(List<Object> payloads) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            messages.add(new GenericDomainEventMessage<>("CaseFile", SampleCaseEvents.CASE, i, payloads.get(i)));
        }
        return CaseReplay.stateAfter(SampleCaseEvents.CASE, messages);
    }

    private static int indexOf(List<Object> events, String type) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).getClass().getSimpleName().equals(type)) {
                return i;
            }
        }
        throw new AssertionError("no " + type);
    }
}
