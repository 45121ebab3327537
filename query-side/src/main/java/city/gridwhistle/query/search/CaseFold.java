package city.gridwhistle.query.search;

import city.gridwhistle.api.casework.CaseAcceptedEvent;
import city.gridwhistle.api.casework.CaseClosedEvent;
import city.gridwhistle.api.casework.CaseDispatchedEvent;
import city.gridwhistle.api.casework.CaseEvent;
import city.gridwhistle.api.casework.CaseEscalatedEvent;
import city.gridwhistle.api.casework.CaseFollowedEvent;
import city.gridwhistle.api.casework.CaseParkedEvent;
import city.gridwhistle.api.casework.CasePriority;
import city.gridwhistle.api.casework.CaseProgressNotedEvent;
import city.gridwhistle.api.casework.CaseQueuedForSupervisorEvent;
import city.gridwhistle.api.casework.CaseReassignedEvent;
import city.gridwhistle.api.casework.CaseRegisteredEvent;
import city.gridwhistle.api.casework.CaseReopenedEvent;
import city.gridwhistle.api.casework.CaseResolvedEvent;
import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.casework.CaseStepDeadlineSetEvent;
import city.gridwhistle.api.casework.CaseStepDeadlineWarnedEvent;
import city.gridwhistle.api.casework.CaseTransferredEvent;
import city.gridwhistle.api.casework.CaseUnparkedEvent;
import city.gridwhistle.api.casework.CaseVerificationFailedEvent;
import city.gridwhistle.api.casework.CaseVerifiedEvent;
import city.gridwhistle.api.casework.CaseVoidedEvent;
import city.gridwhistle.api.casework.CaseWorkStartedEvent;
import city.gridwhistle.api.casework.DeadlineStep;
import city.gridwhistle.api.casework.ReportAttachedEvent;
import city.gridwhistle.api.intake.ReportFiledEvent;
import city.gridwhistle.api.shared.PhotoRef;
import java.time.Instant;
import java.util.Set;

/**
 * How each case event changes a case's search document: one function, used by the live projection and by the
 * rebuild, so both build the same documents.
 */
final class CaseFold {

    private CaseFold() {
    }

    /** The case an event belongs to, or null when it is not a case event. */
    static String caseIdOf(Object payload) {
        return payload instanceof CaseEvent event ? event.caseId() : null;
    }

    /**
     * Folds the event into the document unless the document already has it (its version is at or past the event's
     * sequence number): replays and redeliveries change nothing.
     */
    static void apply(CaseDocument doc, String caseId, Object payload, long sequence) {
        if (sequence <= doc.version) {
            return;
        }
        doc.caseId = caseId;
        switch (payload) {
            case ReportFiledEvent event -> {
                doc.status = CaseStatus.REPORTED;
                doc.categoryCode = event.categoryCode();
                doc.description = event.description();
                doc.address = event.address();
                doc.location = new CaseDocument.Location(event.location().lat(), event.location().lon());
                doc.reportCount = 1;
                doc.reporterId = event.reporterId();
                report(doc, event.reporterId());
                event.photos().stream().map(PhotoRef::sha256).forEach(doc.photoHashes::add);
                photos(doc, event.photos());
                doc.reportedAt = event.filedAt();
                doc.attributes = new java.util.LinkedHashMap<>(event.attributes());
            }
            case CaseRegisteredEvent event -> {
                var rules = event.rules();
                var cell = event.cell();
                doc.status = CaseStatus.REGISTERED;
                doc.family = rules.family().name();
                doc.categoryCode = rules.code();
                doc.majorCode = rules.majorCode();
                doc.categoryZh = rules.zh();
                doc.categoryEn = rules.en();
                doc.urgency = rules.urgency().name();
                doc.priority = CasePriority.of(rules.urgency(), doc.reportCount);
                setCell(doc, cell);
                doc.registeredAt = event.registeredAt();
            }
            case ReportAttachedEvent event -> {
                doc.reportCount = event.reportCount();
                doc.priority = event.priority();
                report(doc, event.reporterId());
                event.photos().stream().map(PhotoRef::sha256).forEach(doc.photoHashes::add);
                photos(doc, event.photos());
            }
            case CaseDispatchedEvent event -> {
                doc.status = CaseStatus.DISPATCHED;
                doc.workerId = event.workerId();
                doc.awaitingSupervisor = false;
                doc.dispatchedAt = event.dispatchedAt();
                if (doc.dispatchedOnTime == null) {
                    doc.dispatchedOnTime = !doc.overdueSteps.contains(DeadlineStep.DISPATCH.name());
                }
            }
            case CaseQueuedForSupervisorEvent event -> {
                doc.awaitingSupervisor = true;
                doc.workerId = null;
            }
            case CaseReassignedEvent event -> {
                doc.status = CaseStatus.DISPATCHED;
                doc.workerId = event.toWorkerId();
                doc.statusNote = event.reason();
            }
            case CaseAcceptedEvent event -> {
                doc.status = CaseStatus.IN_PROGRESS;
                doc.acceptedAt = event.at();
            }
            case CaseWorkStartedEvent event -> {
                    doc.statusNote = "on site";
            }
            case CaseProgressNotedEvent event -> {
                doc.statusNote = event.note();
                photos(doc, event.photos());
            }
            case CaseResolvedEvent event -> {
                doc.status = CaseStatus.RESOLVED;
                doc.resolvedBy = event.workerId();
                doc.resolvedAt = event.at();
                doc.handledOnTime = !doc.overdueSteps.contains(DeadlineStep.HANDLE.name());
                doc.handlingMinutes = doc.dispatchedAt == null ? null
                        : java.time.Duration.between(doc.dispatchedAt, event.at()).toMinutes();
                doc.statusNote = event.note();
                doc.resolutionPhotoHashes.clear();
                event.photos().stream().map(PhotoRef::sha256).forEach(doc.resolutionPhotoHashes::add);
                photos(doc, event.photos());
            }
            case CaseVerifiedEvent event -> {
                doc.stopClock();
                photos(doc, event.photos());
            }
            case CaseClosedEvent event -> {
                doc.status = CaseStatus.CLOSED;
                doc.closedAt = event.at();
                doc.closedOnTime = !doc.overdueSteps.contains(DeadlineStep.HANDLE.name())
                        && !doc.overdueSteps.contains(DeadlineStep.VERIFY.name());
                doc.stopClock();
            }
            case CaseVerificationFailedEvent event -> {
                doc.status = CaseStatus.REWORK;
                doc.reworkCount = event.reworkCount();
                doc.reworked = true;
                doc.statusNote = event.note();
                photos(doc, event.photos());
            }
            case CaseParkedEvent event -> {
                doc.status = CaseStatus.PARKED;
                doc.parkedAt = event.at();
                doc.statusNote = event.reason();
                doc.stopClock();
            }
            case CaseUnparkedEvent event -> {
                doc.status = event.statusAfter();
                doc.parkedAt = null;
                doc.statusNote = event.reason();
            }
            case CaseTransferredEvent event -> {
                setCell(doc, event.toCell());
                doc.status = CaseStatus.REGISTERED;
                doc.workerId = null;
                doc.transferCount++;
                doc.statusNote = event.reason();
                doc.stopClock();
            }
            case CaseEscalatedEvent event -> {
                doc.escalated = true;
                doc.escalationCount++;
                if (event.step() != null) {
                    doc.overdueSteps.add(event.step().name());
                }
            }
            case CaseReopenedEvent event -> {
                doc.status = CaseStatus.REOPENED;
                doc.closedAt = null;
                doc.closedOnTime = null;
                doc.statusNote = event.reason();
            }
            case CaseVoidedEvent event -> {
                doc.status = CaseStatus.VOIDED;
                doc.voidedAt = event.at();
                doc.statusNote = event.reason();
                doc.stopClock();
            }
            case CaseFollowedEvent event -> {
                    follow(doc, event.riderId());
            }
            case CaseStepDeadlineSetEvent event -> {
                doc.step = event.step().name();
                doc.stepStartedAt = event.startedAt();
                doc.stepWarnAt = event.warnAt();
                doc.stepDueAt = event.dueAt();
                doc.stepWarned = false;
            }
            case CaseStepDeadlineWarnedEvent event -> {
                    doc.stepWarned = true;
            }
            default -> {
                return;
            }
        }
        Instant changed = modifiedAt(payload);
        if (changed != null && (doc.lastModifiedAt == null || changed.isAfter(doc.lastModifiedAt))) {
            doc.lastModifiedAt = changed;
        }
        doc.version = sequence;
    }

    /**
     * When the event changed the case, for the public record's {@code updated_datetime}: every event of the case
     * but a rider following it and a deadline's warning, which change nothing of the case itself (and a follow's
     * time would tell when a rider acted). Decision 0050.
     */
    static Instant modifiedAt(Object payload) {
        return switch (payload) {
            case ReportFiledEvent event -> event.filedAt();
            case ReportAttachedEvent event -> event.filedAt();
            case CaseRegisteredEvent event -> event.registeredAt();
            case CaseDispatchedEvent event -> event.dispatchedAt();
            case CaseQueuedForSupervisorEvent event -> event.queuedAt();
            case CaseReassignedEvent event -> event.at();
            case CaseAcceptedEvent event -> event.at();
            case CaseWorkStartedEvent event -> event.at();
            case CaseProgressNotedEvent event -> event.at();
            case CaseResolvedEvent event -> event.at();
            case CaseVerifiedEvent event -> event.at();
            case CaseClosedEvent event -> event.at();
            case CaseVerificationFailedEvent event -> event.at();
            case CaseParkedEvent event -> event.at();
            case CaseUnparkedEvent event -> event.at();
            case CaseTransferredEvent event -> event.at();
            case CaseEscalatedEvent event -> event.at();
            case CaseReopenedEvent event -> event.at();
            case CaseVoidedEvent event -> event.at();
            case CaseStepDeadlineSetEvent event -> event.startedAt();
            default -> null;
        };
    }

    /**
     * Erased riders leave the document's personal fields: who reported and who follows. The count of followers is
     * the list's, as when one follows. The live projection and the rebuild both call this, so they leave out the
     * same riders (decision 0046).
     */
    static void forget(CaseDocument doc, Set<String> riderIds) {
        if (riderIds.contains(doc.reporterId)) {
            doc.reporterId = null;
        }
        doc.reporterIds.removeAll(riderIds);
        doc.followerIds.removeAll(riderIds);
        doc.followerCount = doc.followerIds.size();
    }

    /** A reporter (first or corroborating) is one of the case's reporters and follows it. */
    private static void report(CaseDocument doc, String reporterId) {
        if (reporterId != null && !doc.reporterIds.contains(reporterId)) {
            doc.reporterIds.add(reporterId);
        }
        follow(doc, reporterId);
    }

    private static void photos(CaseDocument doc, java.util.List<PhotoRef> photos) {
        if (photos == null) {
            return;
        }
        photos.stream().map(PhotoRef::sha256).filter(hash -> !doc.allPhotoHashes.contains(hash))
                .forEach(doc.allPhotoHashes::add);
    }

    private static void follow(CaseDocument doc, String riderId) {
        if (riderId != null && !doc.followerIds.contains(riderId)) {
            doc.followerIds.add(riderId);
        }
        doc.followerCount = doc.followerIds.size();
    }

    private static void setCell(CaseDocument doc, city.gridwhistle.api.casework.CellRef cell) {
        doc.cellCode = cell.cellCode();
        doc.cellName = cell.cellName();
        doc.districtCode = cell.districtCode();
        doc.district = cell.district();
        doc.streetCode = cell.streetCode();
        doc.street = cell.street();
        doc.communityCode = cell.communityCode();
        doc.community = cell.community();
    }

}
