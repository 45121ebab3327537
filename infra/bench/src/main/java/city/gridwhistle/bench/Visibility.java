package city.gridwhistle.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Report-to-searchable latency (S2) and its parts. Every tracked case is looked for every {@code pollMillis}
 * in the live {@code cases} alias, twice: by a realtime multi-get (the document is indexed: the projection has
 * done its part) and by a search (the document is searchable: an index refresh has happened since). Both are
 * measured from the moment the 201 answer arrived, with a resolution of the polling interval.
 */
final class Visibility implements AutoCloseable {

    private record Pending(long answeredAt, boolean[] indexed) {
    }

    private final ElasticsearchClient es;
    private final long pollMillis;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    final Histogram indexed = Load.histogram();
    final Histogram searchable = Load.histogram();
    private volatile boolean running = true;
    private final Thread poller;
    long timedOut;

    Visibility(ElasticsearchClient es, long pollMillis) {
        this.es = es;
        this.pollMillis = pollMillis;
        this.poller = Thread.ofPlatform().daemon().name("visibility").start(this::poll);
    }

    void track(String caseId, long answeredAtNanos) {
        pending.put(caseId, new Pending(answeredAtNanos, new boolean[1]));
    }

    private void poll() {
        while (running || !pending.isEmpty()) {
            try {
                Thread.sleep(pollMillis);
                List<String> ids = new ArrayList<>(pending.keySet());
                if (ids.isEmpty()) {
                    continue;
                }
                ids = ids.subList(0, Math.min(ids.size(), 2000));
                List<String> notIndexed = ids.stream().filter(id -> !pending.get(id).indexed()[0]).toList();
                if (!notIndexed.isEmpty()) {
                    MgetResponse<JsonData> got = es.mget(m -> m.index("cases").ids(notIndexed).source(s -> s.fetch(false)),
                            JsonData.class);
                    long now = System.nanoTime();
                    got.docs().forEach(d -> {
                        if (d.isResult() && d.result().found()) {
                            Pending p = pending.get(d.result().id());
                            if (p != null && !p.indexed()[0]) {
                                p.indexed()[0] = true;
                                indexed.recordValue(Math.max(0, now - p.answeredAt()));
                            }
                        }
                    });
                }
                final List<String> query = ids;
                SearchResponse<JsonData> found = es.search(s -> s.index("cases").size(query.size()).source(x -> x.fetch(false))
                        .query(q -> q.ids(i -> i.values(query))), JsonData.class);
                long now = System.nanoTime();
                found.hits().hits().forEach(h -> {
                    Pending p = pending.remove(h.id());
                    if (p != null) {
                        if (!p.indexed()[0]) {
                            indexed.recordValue(Math.max(0, now - p.answeredAt()));
                        }
                        searchable.recordValue(Math.max(0, now - p.answeredAt()));
                    }
                });
                pending.entrySet().removeIf(e -> {
                    boolean old = now - e.getValue().answeredAt() > TimeUnit.SECONDS.toNanos(60);
                    if (old) {
                        timedOut++;
                    }
                    return old;
                });
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // Elasticsearch busy: try again on the next tick
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(90_000);
    }
}
