package city.gridwhistle.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A steady stream of reports from a few client threads, each as a rider of its own, at random points of the demo
 * city, spread over the given instances in turn. Remembers every report answered 201 (the promise to keep) and
 * counts every other outcome: an answer that never came may or may not have been stored, and that is allowed.
 */
final class ReportLoad implements AutoCloseable {

    private final IntFunction<Http> target;
    private final String category;
    private final int threads;
    private final Duration maxDuration;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<Integer, AtomicInteger> outcomes = new ConcurrentSkipListMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final List<Thread> workers = new java.util.ArrayList<>();

    /**
     * @param target      the instance for the n-th report
     * @param maxDuration a bound: the load stops by itself after this long, whatever the test does
     */
    ReportLoad(IntFunction<Http> target, String category, int threads, Duration maxDuration) {
        this.target = target;
        this.category = category;
        this.threads = threads;
        this.maxDuration = maxDuration;
    }

    ReportLoad start() {
        running.set(true);
        long stopAt = System.nanoTime() + maxDuration.toNanos();
        for (int t = 0; t < threads; t++) {
            String rider = "r%03d".formatted(1 + t % 50);
            Random random = new Random(42L + t);
            Thread worker = new Thread(() -> {
                while (running.get() && System.nanoTime() < stopAt) {
                    int n = sent.getAndIncrement();
                    double[] point = DemoGrid.randomPoint(random);
                    Http.Response answer;
                    try {
                        answer = target.apply(n).post("/api/reports", Map.of("categoryCode", category,
                                "lat", point[0], "lon", point[1], "description", "压测上报 " + n), rider);
                    } catch (IllegalStateException signInFailed) {
                        answer = new Http.Response(-2, null);
                    }
                    outcomes.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                    if (answer.status() == 201) {
                        acknowledged.add(answer.body().path("caseId").asText());
                    } else {
                        // the instance is down or restarting: do not spin
                        AppInstance.sleep(Duration.ofMillis(100));
                    }
                }
            }, "report-load-" + t);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        return this;
    }

    /** Cases whose report was answered 201. */
    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    /** HTTP status ({@link Http#NO_ANSWER}, {@link Http#REFUSED}) → how many reports got it. */
    Map<Integer, Integer> outcomes() {
        Map<Integer, Integer> copy = new java.util.TreeMap<>();
        outcomes.forEach((status, count) -> copy.put(status, count.get()));
        return copy;
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread worker : workers) {
            try {
                worker.join(Duration.ofSeconds(40));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
