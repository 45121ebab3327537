package city.gridwhistle.query.history;

import city.gridwhistle.api.casework.CaseEscalatedEvent;
import city.gridwhistle.api.casework.CaseParkedEvent;
import city.gridwhistle.api.casework.CaseProgressNotedEvent;
import city.gridwhistle.api.casework.CaseQueuedForSupervisorEvent;
import city.gridwhistle.api.casework.CaseReassignedEvent;
import city.gridwhistle.api.casework.CaseReopenedEvent;
import city.gridwhistle.api.casework.CaseResolvedEvent;
import city.gridwhistle.api.casework.CaseTransferredEvent;
import city.gridwhistle.api.casework.CaseUnparkedEvent;
import city.gridwhistle.api.casework.CaseVerificationFailedEvent;
import city.gridwhistle.api.casework.CaseVerifiedEvent;
import city.gridwhistle.api.casework.CaseVoidedEvent;
import city.gridwhistle.api.casework.ReportAttachedEvent;
import city.gridwhistle.api.casework.ReporterIdentityRevealedEvent;
import city.gridwhistle.api.intake.ReportFiledEvent;
import city.gridwhistle.api.shared.PhotoRef;
import java.time.Instant;
import java.util.List;

/** The facts a history shows beside the description, where an event carries them: device time, reason, photos. */
final class EventFacts {

    private EventFacts() {
    }

    /** The phone's clock when the report was made; only reports have one. */
    static Instant deviceTime(Object payload) {
        return switch (payload) {
            case ReportFiledEvent e -> e.deviceTime();
            case ReportAttachedEvent e -> e.deviceTime();
            default -> null;
        };
    }

    /** The reason or note in the actor's own words; for a report, what the rider wrote. */
    static String reason(Object payload) {
        return switch (payload) {
            case ReportFiledEvent e -> e.description();
            case ReportAttachedEvent e -> e.description();
            case CaseQueuedForSupervisorEvent e -> e.reason();
            case CaseReassignedEvent e -> e.reason();
            case CaseProgressNotedEvent e -> e.note();
            case CaseResolvedEvent e -> e.note();
            case CaseVerifiedEvent e -> e.note();
            case CaseVerificationFailedEvent e -> e.note();
            case CaseParkedEvent e -> e.reason();
            case CaseUnparkedEvent e -> e.reason();
            case CaseTransferredEvent e -> e.reason();
            case CaseEscalatedEvent e -> e.reason();
            case CaseReopenedEvent e -> e.reason();
            case CaseVoidedEvent e -> e.reason();
            case ReporterIdentityRevealedEvent e -> e.reason();
            default -> null;
        };
    }

    /** The SHA-256 of each photo the event carries: the evidence it proves. */
    static List<String> photoHashes(Object payload) {
        List<PhotoRef> photos = switch (payload) {
            case ReportFiledEvent e -> e.photos();
            case ReportAttachedEvent e -> e.photos();
            case CaseProgressNotedEvent e -> e.photos();
            case CaseResolvedEvent e -> e.photos();
            case CaseVerifiedEvent e -> e.photos();
            case CaseVerificationFailedEvent e -> e.photos();
            default -> null;
        };
        return photos == null ? List.of() : photos.stream().map(PhotoRef::sha256).toList();
    }
}
