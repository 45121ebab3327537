package city.gridwhistle.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Closed loop for peak throughput (n clients, each sends the next request when the last is answered) and open
 * loop for latency (requests start on a fixed schedule whatever the answers do; each latency is measured from
 * the moment the request was due, so a stall counts for every request it delays: no coordinated omission).
 */
final class Load {

    /** One request; answers whether it succeeded. */
    interface Call {
        boolean run();
    }

    record Result(Histogram latency, long ok, long failed, double seconds, List<Histogram> perSecond) {
        double throughput() {
            return ok / seconds;
        }

        double ms(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1e6;
        }
    }

    static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toNanos(2), 3);
    }

    static Result closed(int clients, Duration warmUp, Duration measure, Call call) throws InterruptedException {
        Recorder recorder = new Recorder(TimeUnit.MINUTES.toNanos(2), 3);
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong ok = new AtomicLong(), failed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofPlatform().daemon().name("closed-" + i).start(() -> {
                while (!stop.get()) {
                    long start = System.nanoTime();
                    boolean success = call.run();
                    long took = System.nanoTime() - start;
                    if (measuring.get()) {
                        recorder.recordValue(Math.min(took, TimeUnit.MINUTES.toNanos(2)));
                        (success ? ok : failed).incrementAndGet();
                    }
                }
            }));
        }
        Thread.sleep(warmUp.toMillis());
        recorder.getIntervalHistogram();
        measuring.set(true);
        long started = System.nanoTime();
        List<Histogram> perSecond = new ArrayList<>();
        Histogram all = histogram();
        long end = started + measure.toNanos();
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(1000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            Histogram h = recorder.getIntervalHistogram();
            perSecond.add(h);
            all.add(h);
        }
        measuring.set(false);
        double seconds = (System.nanoTime() - started) / 1e9;
        long okCount = ok.get(), failedCount = failed.get();
        stop.set(true);
        for (Thread t : threads) {
            t.join(60_000);
        }
        return new Result(all, okCount, failedCount, seconds, perSecond);
    }

    /**
     * Starts {@code rate} requests per second for the duration (after a warm-up at the same rate that is not
     * recorded), with at most {@code maxInFlight} outstanding: when that many are outstanding the schedule waits,
     * and the wait is charged to the requests that were due.
     */
    static Result open(double rate, Duration warmUp, Duration measure, int maxInFlight, Call call)
            throws InterruptedException {
        Recorder recorder = new Recorder(TimeUnit.MINUTES.toNanos(2), 3);
        AtomicLong ok = new AtomicLong(), failed = new AtomicLong();
        Semaphore inFlight = new Semaphore(maxInFlight);
        long interval = (long) (1e9 / rate);
        long begin = System.nanoTime();
        long measureFrom = begin + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        List<Histogram> perSecond = new ArrayList<>();
        Histogram all = histogram();
        long nextTick = measureFrom + 1_000_000_000L;
        boolean resetDone = false;
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; ; i++) {
                long due = begin + i * interval;
                if (due >= end) {
                    break;
                }
                long now;
                while ((now = System.nanoTime()) < due) {
                    LockSupport.parkNanos(due - now);
                }
                if (!resetDone && now >= measureFrom) {
                    recorder.getIntervalHistogram();
                    ok.set(0);
                    failed.set(0);
                    resetDone = true;
                }
                if (resetDone && now >= nextTick) {
                    Histogram h = recorder.getIntervalHistogram();
                    perSecond.add(h);
                    all.add(h);
                    nextTick += 1_000_000_000L;
                }
                inFlight.acquire();
                boolean measured = due >= measureFrom;
                workers.submit(() -> {
                    try {
                        boolean success = call.run();
                        long took = System.nanoTime() - due;
                        if (measured) {
                            recorder.recordValue(Math.min(took, TimeUnit.MINUTES.toNanos(2)));
                            (success ? ok : failed).incrementAndGet();
                        }
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        Histogram last = recorder.getIntervalHistogram();
        perSecond.add(last);
        all.add(last);
        return new Result(all, ok.get(), failed.get(), measure.toNanos() / 1e9, perSecond);
    }
}
