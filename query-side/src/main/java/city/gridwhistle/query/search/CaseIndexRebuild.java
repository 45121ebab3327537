package city.gridwhistle.query.search;

import city.gridwhistle.api.readmodel.FindRebuildProgressQuery;
import city.gridwhistle.api.readmodel.RebuildProgress;
import city.gridwhistle.api.readmodel.RebuildReadModelCommand;
import city.gridwhistle.infra.privacy.PersonKeys;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the cases index without downtime. A new index is filled by replaying the event store through the same
 * fold as the live projection, while the alias keeps serving the old one. When the replay has caught up with the
 * head of the store, the alias is swapped in one atomic step, and the replay reads on to the head again: events
 * the live projection wrote to the old index in between land in the new one too. Both writers version documents
 * by event sequence, so whichever writes a document twice changes nothing.
 */
@Component
public class CaseIndexRebuild {

    private static final Logger log = LoggerFactory.getLogger(CaseIndexRebuild.class);
    private static final int CHUNK = 2_000;

    private final EventStore eventStore;
    private final CaseIndex index;
    private final CaseDocumentStore store;
    private final CaseFiguresRebuild figures;
    private final JdbcTemplate jdbc;
    private final PersonKeys keys;
    private final AtomicReference<RebuildProgress> progress = new AtomicReference<>(
            new RebuildProgress(RebuildReadModelCommand.CASES, "IDLE", 0, 0, 0, null, null, null, null, null));

    public CaseIndexRebuild(EventStore eventStore, CaseIndex index, CaseDocumentStore store,
                            CaseFiguresRebuild figures, JdbcTemplate jdbc, PersonKeys keys) {
        this.eventStore = eventStore;
        this.index = index;
        this.store = store;
        this.figures = figures;
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /**
     * Starts a rebuild in the background and answers with its first progress; one rebuild of each read model runs
     * at a time. The daily figures ({@link CaseFiguresRebuild}) are rebuilt from the index, not replayed.
     */
    @CommandHandler
    public RebuildProgress handle(RebuildReadModelCommand command) {
        if (RebuildReadModelCommand.FIGURES.equals(command.readModel())) {
            return figures.start();
        }
        if (!RebuildReadModelCommand.CASES.equals(command.readModel())) {
            throw new IllegalArgumentException("no read model named '" + command.readModel() + "'");
        }
        synchronized (progress) {
            if ("RUNNING".equals(progress.get().state())) {
                return progress.get();
            }
            String from = index.currentIndex();
            String to = index.nextIndex();
            long total = eventsInStore();
            progress.set(new RebuildProgress(RebuildReadModelCommand.CASES, "RUNNING", 0, total, 0, from, to,
                    Instant.now(), null, null));
            Thread.ofPlatform().name("rebuild-" + to).daemon().start(() -> run(from, to));
            return progress.get();
        }
    }

    /**
     * At start, rebuilds in the background when a migration left word that the documents lack what the code now
     * needs ({@code read_model_rebuild_due}). The first instance to take the word out rebuilds; should it fail, the
     * old index keeps serving and an administrator starts the rebuild again ({@code POST /api/admin/rebuilds/cases}).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void rebuildIfDue() {
        if (jdbc.update("delete from read_model_rebuild_due where model = ?", RebuildReadModelCommand.CASES) > 0) {
            log.info("The cases index is due for a rebuild after a migration; replaying the event store into it");
            handle(new RebuildReadModelCommand(RebuildReadModelCommand.CASES));
        }
    }

    @QueryHandler
    public RebuildProgress handle(FindRebuildProgressQuery query) {
        return RebuildReadModelCommand.FIGURES.equals(query.readModel()) ? figures.progress() : progress.get();
    }

    private void run(String from, String to) {
        try {
            index.createUnaliased(to);
            try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
                replayAvailable(events, to);
                index.swap(from, to);
                replayAvailable(events, to);
            }
            index.delete(from);
            finish("DONE", null);
            log.info("Rebuilt {} into {}: {}", from, to, progress.get());
        } catch (Exception e) {
            log.error("Rebuilding {} into {} failed; {} keeps serving", from, to, from, e);
            finish("FAILED", e.getMessage());
        }
    }

    /**
     * Replays every event available now into the index, a chunk of events per multi-get and bulk request. The chunk
     * leaves out erased riders as the live projection does: whoever is erased now leaves every document it writes,
     * so the rebuilt index names nobody the live one no longer names.
     */
    private void replayAvailable(BlockingStream<TrackedEventMessage<?>> events, String target) {
        CaseBatch chunk = new CaseBatch(store, target, keys::destroyedAmong);
        long sinceProgress = 0;
        while (events.hasNextAvailable()) {
            TrackedEventMessage<?> event = nextOf(events);
            if (event instanceof DomainEventMessage<?> domainEvent) {
                chunk.take(domainEvent.getPayload(), domainEvent.getSequenceNumber());
            }
            sinceProgress++;
            if (sinceProgress >= CHUNK) {
                chunk.flush();
                progressTo(sinceProgress);
                sinceProgress = 0;
            }
        }
        chunk.flush();
        progressTo(sinceProgress);
    }

    private static TrackedEventMessage<?> nextOf(BlockingStream<TrackedEventMessage<?>> events) {
        try {
            return events.nextAvailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        }
    }

    /**
     * The events the store holds, counted: a global position is no count of events, since a transaction that took
     * one and rolled back leaves a gap that no event will ever fill. Events appended during the replay raise the
     * total as they are replayed.
     */
    private long eventsInStore() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    private void progressTo(long count) {
        progress.updateAndGet(p -> p.advancedBy(count, p.eventsTotal()));
    }

    private void finish(String state, String error) {
        progress.updateAndGet(p -> p.finished(state, error));
    }
}
