package city.gridwhistle.web.open311;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.api.audit.HistoryEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class Open311StatusNotesUnitTest {

    @Test
    void theHistoryKeepsOneNotePerChangeOfPublicStatusAndNothingOfWhoOrWhy() {
        List<HistoryEntry> entries = List.of(
                entry(0, "ReportFiledEvent", "R001", "reported at my door, call 13800000000"),
                entry(1, "CaseStepDeadlineSetEvent", null, null),
                entry(2, "CaseRegisteredEvent", "supervisor", null),
                entry(3, "CaseDispatchedEvent", "system", null),
                entry(4, "CaseReassignedEvent", "supervisor", "W004 is ill"),
                entry(5, "CaseAcceptedEvent", "W005", null),
                entry(6, "CaseParkedEvent", "supervisor", "waiting for parts"),
                entry(7, "CaseUnparkedEvent", "supervisor", null),
                entry(8, "CaseResolvedEvent", "W005", "fixed"),
                entry(9, "CaseClosedEvent", "supervisor", null));

        List<Open311StatusNotes.Note> notes = Open311StatusNotes.history(entries);

        assertThat(notes).extracting(Open311StatusNotes.Note::description).containsExactly(
                "reported; awaiting registration", "registered; awaiting dispatch", "dispatched to the grid worker",
                "being handled", "on hold", "taken off hold", "handled; awaiting verification", "verified and closed");
        assertThat(notes.getFirst().at()).isEqualTo(Instant.ofEpochSecond(1_000));
        assertThat(notes.toString()).doesNotContain("R001", "W00", "supervisor", "13800000000", "parts");
    }

    private static HistoryEntry entry(long sequence, String type, String user, String reason) {
        return new HistoryEntry(sequence, "e" + sequence, type, Instant.ofEpochSecond(1_000 + sequence), null, user,
                user, null, null, null, reason, null, null, null, null, List.of(), null, null);
    }
}
