package city.gridwhistle.query.search;

import city.gridwhistle.api.casework.CaseAcceptedEvent;
import city.gridwhistle.api.casework.CaseClosedEvent;
import city.gridwhistle.api.casework.CaseDispatchedEvent;
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
import city.gridwhistle.api.casework.ReportAttachedEvent;
import city.gridwhistle.api.intake.ReportFiledEvent;
import city.gridwhistle.api.shared.PhotoRef;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Folds each case's events into its search document. Idempotent under replay and redelivery: an event whose
 * sequence number is not above the document's version is skipped, and Elasticsearch's external versioning
 * refuses an older document over a newer one. A processor batch is written with one bulk request.
 */
@Component
@ProcessingGroup(CaseSearchProjection.GROUP)
public class CaseSearchProjection {

    public static final String GROUP = "case-search";
    private static final String BATCH = CaseSearchProjection.class.getName() + ".batch";

    private final CaseIndex index;
    private final CaseDocumentStore store;

    public CaseSearchProjection(CaseIndex index, CaseDocumentStore store) {
        this.index = index;
        this.store = store;
    }

    @EventHandler
    void on(ReportFiledEvent event, @SequenceNumber long sequence) {
        fold(event.caseId(), sequence, doc -> {
            doc.status = CaseStatus.REPORTED;
            doc.categoryCode = event.categoryCode();
            doc.description = event.description();
            doc.address = event.address();
            doc.location = new CaseDocument.Location(event.location().lat(), event.location().lon());
            doc.reportCount = 1;
            doc.reporterId = event.reporterId();
            follow(doc, event.reporterId());
            event.photos().stream().map(PhotoRef::sha256).forEach(doc.photoHashes::add);
            doc.reportedAt = event.filedAt();
        });
    }

    @EventHandler
    void on(CaseRegisteredEvent event, @SequenceNumber long sequence) {
        fold(event.caseId(), sequence, doc -> {
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
        });
    }

    @EventHandler
    void on(ReportAttachedEvent event, @SequenceNumber long sequence) {
        fold(event.caseId(), sequence, doc -> {
            doc.reportCount = event.reportCount();
            doc.priority = event.priority();
            follow(doc, event.reporterId());
            event.photos().stream().map(PhotoRef::sha256).forEach(doc.photoHashes::add);
        });
    }

    @EventHandler
    void on(CaseDispatchedEvent event, @SequenceNumber long sequence) {
        fold(event.caseId(), sequence, doc -> {
            doc.status = CaseStatus.DISPATCHED;
            doc.workerId = event.workerId();
            doc.awaitingSupervisor = false;
            doc.dispatchedAt = event.dispatchedAt();
        });
    }

    @EventHandler
    void on(CaseQueuedForSupervisorEvent event, @SequenceNumber long sequence) {
        fold(event.caseId(), sequence, doc -> {
            doc.awaitingSupervisor = true;
            doc.workerId = null;
        });
    }

    @EventHandler
    void on(CaseReassignedEvent event, @SequenceNumber long sequence) {
        fold(event.caseId(), sequence, doc -> {
            doc.status = CaseStatus.DISPATCHED;
            doc.workerId = event.toWorkerId();
            doc.statusNote = event.reason();
        });
    }

    @EventHandler
    void on(CaseAcceptedEvent event, @SequenceNumber long sequence) {
        fold(event.caseId(), sequence, doc -> {
            doc.status = CaseStatus.IN_PROGRESS;
            doc.acceptedAt = event.at();
        });
    }

    @EventHandler
    void on(CaseWorkStartedEvent event, @SequenceNumber long sequence) {
        fold(event.caseId(), sequence, doc -> doc.statusNote = "on site");
    }

    @EventHandler
    void on(CaseProgressNotedEvent event, @SequenceNumber long sequence) {
        fold(event.caseId(), sequence, doc -> doc.statusNote = event.note());
    }

    @EventHandler
    void on(CaseResolvedEvent event, @SequenceNumber long sequence) {
        fold(event.caseId(), sequence, doc -> {
            doc.status = CaseStatus.RESOLVED;
            doc.resolvedBy = event.workerId();
            doc.resolvedAt = event.at();
            doc.statusNote = event.note();
            doc.resolutionPhotoHashes.clear();
            event.photos().stream().map(PhotoRef::sha256).forEach(doc.resolutionPhotoHashes::add);
        });
    }

    @EventHandler
    void on(CaseVerifiedEvent event, @SequenceNumber long sequence) {
        fold(event.caseId(), sequence, CaseDocument::stopClock);
    }

    @EventHandler
    void on(CaseClosedEvent event, @SequenceNumber long sequence) {
        fold(event.caseId(), sequence, doc -> {
            doc.status = CaseStatus.CLOSED;
            doc.closedAt = event.at();
            doc.stopClock();
        });
    }

    @EventHandler
    void on(CaseVerificationFailedEvent event, @SequenceNumber long sequence) {
        fold(event.caseId(), sequence, doc -> {
            doc.status = CaseStatus.REWORK;
            doc.reworkCount = event.reworkCount();
            doc.statusNote = event.note();
        });
    }

    @EventHandler
    void on(CaseParkedEvent event, @SequenceNumber long sequence) {
        fold(event.caseId(), sequence, doc -> {
            doc.status = CaseStatus.PARKED;
            doc.parkedAt = event.at();
            doc.statusNote = event.reason();
            doc.stopClock();
        });
    }

    @EventHandler
    void on(CaseUnparkedEvent event, @SequenceNumber long sequence) {
        fold(event.caseId(), sequence, doc -> {
            doc.status = event.statusAfter();
            doc.parkedAt = null;
            doc.statusNote = event.reason();
        });
    }

    @EventHandler
    void on(CaseTransferredEvent event, @SequenceNumber long sequence) {
        fold(event.caseId(), sequence, doc -> {
            setCell(doc, event.toCell());
            doc.status = CaseStatus.REGISTERED;
            doc.workerId = null;
            doc.transferCount++;
            doc.statusNote = event.reason();
            doc.stopClock();
        });
    }

    @EventHandler
    void on(CaseEscalatedEvent event, @SequenceNumber long sequence) {
        fold(event.caseId(), sequence, doc -> {
            doc.escalated = true;
            doc.escalationCount++;
            if (event.step() != null) {
                doc.overdueSteps.add(event.step().name());
            }
        });
    }

    @EventHandler
    void on(CaseReopenedEvent event, @SequenceNumber long sequence) {
        fold(event.caseId(), sequence, doc -> {
            doc.status = CaseStatus.REOPENED;
            doc.closedAt = null;
            doc.statusNote = event.reason();
        });
    }

    @EventHandler
    void on(CaseVoidedEvent event, @SequenceNumber long sequence) {
        fold(event.caseId(), sequence, doc -> {
            doc.status = CaseStatus.VOIDED;
            doc.voidedAt = event.at();
            doc.statusNote = event.reason();
            doc.stopClock();
        });
    }

    @EventHandler
    void on(CaseFollowedEvent event, @SequenceNumber long sequence) {
        fold(event.caseId(), sequence, doc -> follow(doc, event.riderId()));
    }

    @EventHandler
    void on(CaseStepDeadlineSetEvent event, @SequenceNumber long sequence) {
        fold(event.caseId(), sequence, doc -> {
            doc.step = event.step().name();
            doc.stepStartedAt = event.startedAt();
            doc.stepWarnAt = event.warnAt();
            doc.stepDueAt = event.dueAt();
            doc.stepWarned = false;
        });
    }

    @EventHandler
    void on(CaseStepDeadlineWarnedEvent event, @SequenceNumber long sequence) {
        fold(event.caseId(), sequence, doc -> doc.stepWarned = true);
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

    private void fold(String caseId, long sequence, Consumer<CaseDocument> change) {
        CaseDocument doc = batch().document(caseId);
        if (sequence <= doc.version) {
            return;
        }
        doc.caseId = caseId;
        change.accept(doc);
        doc.version = sequence;
    }

    /** The documents touched by the current processor batch, written together when the batch commits. */
    private CaseBatch batch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            index.ensureReady();
            CaseBatch batch = new CaseBatch(store);
            root.onPrepareCommit(uow -> batch.flush());
            return batch;
        });
    }
}
