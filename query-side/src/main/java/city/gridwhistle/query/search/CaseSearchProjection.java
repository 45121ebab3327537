package city.gridwhistle.query.search;

import city.gridwhistle.api.casework.CaseDispatchedEvent;
import city.gridwhistle.api.casework.CaseQueuedForSupervisorEvent;
import city.gridwhistle.api.casework.CaseRegisteredEvent;
import city.gridwhistle.api.casework.CaseStatus;
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
            doc.caseId = event.caseId();
            doc.status = CaseStatus.REPORTED;
            doc.categoryCode = event.categoryCode();
            doc.description = event.description();
            doc.address = event.address();
            doc.location = new CaseDocument.Location(event.location().lat(), event.location().lon());
            doc.reportCount = doc.reportCount + 1;
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
            doc.cellCode = cell.cellCode();
            doc.cellName = cell.cellName();
            doc.districtCode = cell.districtCode();
            doc.district = cell.district();
            doc.streetCode = cell.streetCode();
            doc.street = cell.street();
            doc.communityCode = cell.communityCode();
            doc.community = cell.community();
            doc.registeredAt = event.registeredAt();
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
        fold(event.caseId(), sequence, doc -> doc.awaitingSupervisor = true);
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
