package city.gridwhistle.query.search;

import city.gridwhistle.api.readmodel.RebuildProgress;
import city.gridwhistle.api.readmodel.RebuildReadModelCommand;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes the daily figures afresh from the cases index: needed when the figures' definitions change, or after a
 * rebuild of the index whose fold changed what a case counts as (the live projection keeps them in step
 * otherwise, through rebuilds of the index too). Runs in one transaction that holds {@link CaseFigures}' lock
 * exclusively: dashboards read the old figures until it commits, and the cases projection waits for it, so no batch
 * is counted twice or lost in between.
 */
@Component
public class CaseFiguresRebuild {

    private static final Logger log = LoggerFactory.getLogger(CaseFiguresRebuild.class);
    private static final int PAGE = 2_000;
    private static final String KEEP_ALIVE = "5m";
    private static final List<String> FIELDS = List.of("caseId", "districtCode", "district", "streetCode", "street",
            "communityCode", "community", "cellCode", "cellName", "categoryCode", "categoryZh", "workerId",
            "reportedAt", "reportCount", "registeredAt", "dispatchedOnTime", "dispatchedAt", "transferCount",
            "resolvedAt", "handledOnTime", "reworked", "handlingMinutes", "closedAt", "closedOnTime", "status",
            "overdueSteps", "stepDueAt");

    private final ElasticsearchClient client;
    private final CaseIndex index;
    private final CaseFigures figures;
    private final TransactionTemplate transactions;
    private final AtomicReference<RebuildProgress> progress = new AtomicReference<>(
            new RebuildProgress(RebuildReadModelCommand.FIGURES, "IDLE", 0, 0, 0, null, null, null, null, null));

    public CaseFiguresRebuild(ElasticsearchClient client, CaseIndex index, CaseFigures figures,
                              PlatformTransactionManager transactionManager) {
        this.client = client;
        this.index = index;
        this.figures = figures;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Starts a rebuild in the background and answers with its first progress; one rebuild runs at a time. */
    public RebuildProgress start() {
        if (begin()) {
            Thread.ofPlatform().name("rebuild-figures").daemon().start(() -> run(false));
        }
        return progress.get();
    }

    /** Rebuilds in the calling thread, unless a rebuild is running already, and answers with how it went. */
    public RebuildProgress runNow() {
        if (begin()) {
            run(false);
        }
        return progress.get();
    }

    /**
     * At start, rebuilds in the background when a migration left word that the stored figures changed meaning
     * ({@code read_model_rebuild_due}). Of several instances starting together, the first to take the lock
     * rebuilds; the others then find the word gone and leave the figures alone.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void rebuildIfDue() {
        if (figures.rebuildDue() && begin()) {
            log.info("The daily figures are due for a rebuild after a migration; rebuilding them from the index");
            Thread.ofPlatform().name("rebuild-figures").daemon().start(() -> run(true));
        }
    }

    public RebuildProgress progress() {
        return progress.get();
    }

    private boolean begin() {
        synchronized (progress) {
            if ("RUNNING".equals(progress.get().state())) {
                return false;
            }
            index.ensureReady();
            progress.set(new RebuildProgress(RebuildReadModelCommand.FIGURES, "RUNNING", 0, 0, 0, CaseIndex.ALIAS,
                    "case_figures", Instant.now(), null, null));
            return true;
        }
    }

    private void run(boolean onlyIfDue) {
        try {
            transactions.executeWithoutResult(status -> {
                if (!onlyIfDue || figures.takeRebuildDue()) {
                    recordEveryCase();
                }
            });
            finish("DONE", null);
            log.info("Rebuilt the daily figures: {}", progress.get());
        } catch (RuntimeException e) {
            log.error("Rebuilding the daily figures failed; the old ones stay", e);
            finish("FAILED", e.getMessage());
        }
    }

    private void recordEveryCase() {
        CaseFigures.Afresh afresh = figures.afresh();
        try {
            // every batch committed before the lock was taken has written its documents: make them all readable
            client.indices().refresh(r -> r.index(CaseIndex.ALIAS));
            long total = client.count(c -> c.index(CaseIndex.ALIAS)).count();
            progress.updateAndGet(p -> p.advancedBy(0, total));
            String pit = client.openPointInTime(p -> p.index(CaseIndex.ALIAS).keepAlive(k -> k.time(KEEP_ALIVE))).id();
            try {
                List<FieldValue> after = null;
                while (true) {
                    List<FieldValue> from = after;
                    SearchResponse<CaseDocument> page = client.search(s -> {
                        s.size(PAGE)
                                .pit(p -> p.id(pit).keepAlive(k -> k.time(KEEP_ALIVE)))
                                .sort(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)))
                                .source(src -> src.filter(f -> f.includes(FIELDS)))
                                .trackTotalHits(t -> t.enabled(false));
                        return from == null ? s : s.searchAfter(from);
                    }, CaseDocument.class);
                    List<Hit<CaseDocument>> hits = page.hits().hits();
                    if (hits.isEmpty()) {
                        break;
                    }
                    afresh.record(hits.stream().map(Hit::source).filter(Objects::nonNull).toList());
                    progress.updateAndGet(p -> p.advancedBy(hits.size(), total));
                    after = hits.getLast().sort();
                }
            } finally {
                client.closePointInTime(c -> c.id(pit));
            }
            afresh.sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void finish(String state, String error) {
        progress.updateAndGet(p -> p.finished(state, error));
    }
}
