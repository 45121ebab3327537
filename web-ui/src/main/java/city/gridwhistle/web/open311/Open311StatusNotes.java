package city.gridwhistle.web.open311;

import city.gridwhistle.api.audit.HistoryEntry;
import city.gridwhistle.api.casework.CaseStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The public note beside {@code open}/{@code closed}: where in the loop the request is. Written from the state
 * alone, so that no internal note (which may name people) leaks to the public.
 */
final class Open311StatusNotes {

    /** The events that change a case's public status, by their simple name (as a history entry names them). */
    private static final Map<String, CaseStatus> STATUS_AFTER = Map.ofEntries(
            Map.entry("ReportFiledEvent", CaseStatus.REPORTED),
            Map.entry("CaseRegisteredEvent", CaseStatus.REGISTERED),
            Map.entry("CaseTransferredEvent", CaseStatus.REGISTERED),
            Map.entry("CaseDispatchedEvent", CaseStatus.DISPATCHED),
            Map.entry("CaseReassignedEvent", CaseStatus.DISPATCHED),
            Map.entry("CaseAcceptedEvent", CaseStatus.IN_PROGRESS),
            Map.entry("CaseResolvedEvent", CaseStatus.RESOLVED),
            Map.entry("CaseVerificationFailedEvent", CaseStatus.REWORK),
            Map.entry("CaseClosedEvent", CaseStatus.CLOSED),
            Map.entry("CaseParkedEvent", CaseStatus.PARKED),
            Map.entry("CaseReopenedEvent", CaseStatus.REOPENED),
            Map.entry("CaseVoidedEvent", CaseStatus.VOIDED));
    private static final String UNPARKED = "CaseUnparkedEvent";

    private Open311StatusNotes() {
    }

    /** One public note of a request's update history. */
    record Note(Instant at, String description) {
    }

    /**
     * The public update history: a note per change of status, in order, from the kind and time of each event
     * alone; who acted, and any reason or text the event carries, are left out.
     */
    static List<Note> history(List<HistoryEntry> entries) {
        List<Note> notes = new ArrayList<>();
        String last = null;
        for (HistoryEntry entry : entries) {
            CaseStatus status = STATUS_AFTER.get(entry.eventType());
            String description = status != null ? of(status)
                    : UNPARKED.equals(entry.eventType()) ? "taken off hold" : null;
            if (description != null && !description.equals(last)) {
                notes.add(new Note(entry.serverTime(), description));
                last = description;
            }
        }
        return notes;
    }

    static String of(CaseStatus status) {
        return switch (status) {
            case REPORTED -> "reported; awaiting registration";
            case REGISTERED -> "registered; awaiting dispatch";
            case DISPATCHED -> "dispatched to the grid worker";
            case IN_PROGRESS -> "being handled";
            case RESOLVED -> "handled; awaiting verification";
            case REWORK -> "verification failed; being handled again";
            case CLOSED -> "verified and closed";
            case REOPENED -> "reopened";
            case PARKED -> "on hold";
            case VOIDED -> "not accepted as a case";
            case MERGED -> "merged into another request for the same problem";
        };
    }
}
