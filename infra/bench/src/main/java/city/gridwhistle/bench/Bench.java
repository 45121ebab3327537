package city.gridwhistle.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The benchmark suite of docs/benchmarks.md in one program. Starts the packaged application on a fresh data
 * folder with the benchmark city, measures the raw limits of its stores and the system figures, {@code runs}
 * times, and writes the report with its plots.
 *
 * <pre>
 * java -jar infra/bench/target/bench.jar [--scale quick|full] [--runs 3] [--preload N] [--soak 60s]
 *      [--jar web-ui/target/gridwhistle.jar] [--data target/bench-data] [--report docs/benchmarks.md]
 *      [--plots docs/benchmarks] [--app-jvm "-Xmx1g"] [--app-property name=value]... [--reuse-data true]
 * </pre>
 *
 * With {@code --reuse-data true} a data folder left by an earlier run is started again as it is, without the
 * preload: for A/B runs of two builds on the same million cases (copy the folder first if the builds' migrations
 * differ). Its figures are not a full run's, and its report says so.
 */
public final class Bench {

    /** The city's time zone, in which the dashboards' days are cut. */
    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    final Map<String, List<Double>> figures = new LinkedHashMap<>();
    final Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
    final Map<String, String> notes = new LinkedHashMap<>();
    final List<double[]> s1Curve = new ArrayList<>();
    final List<double[]> soakSeries = new ArrayList<>();
    /** The commit measured: taken when the run starts, since the tree may change while it runs. */
    final String commit = ReportWriter.git("rev-parse", "--short", "HEAD");
    final boolean dirty = !ReportWriter.git("status", "--porcelain", "--untracked-files=no").isBlank();
    Load.Result s2Load;
    Load.Result s4Load;
    Load.Result s5Load;
    /** PostgreSQL's statements per report during S2 (last run); null when pg_stat_statements cannot be read. */
    StatementStats.PerReport s2Statements;

    private final Scale scale;
    private final int runs;
    private java.util.Set<String> phases = java.util.Set.of("s1", "s2", "s45", "s6", "s3", "soak");
    private final Path root;
    /** The data folder of an earlier run is started again, its preloaded cases included. */
    private boolean reuseData;
    private Api api;
    private AppProcess app;
    private RawLimits raw;
    private ProcessCpu cpuMeter;
    private Reports reports;
    private List<String> riderTokens;
    private String supervisor;
    private String admin;
    private final AtomicLong attached = new AtomicLong();
    private final AtomicInteger riderTurn = new AtomicInteger();

    Bench(Scale scale, int runs, Path root) {
        this.scale = scale;
        this.runs = runs;
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> options = Options.parse(args);
        Scale scale = Scale.named(Options.one(options, "scale", "quick"));
        if (options.containsKey("preload")) {
            scale = scale.withPreload(Long.parseLong(Options.one(options, "preload", "0")));
        }
        if (options.containsKey("soak")) {
            scale = scale.withSoak(Duration.parse("PT" + Options.one(options, "soak", "60s").toUpperCase()));
        }
        int runs = Integer.parseInt(Options.one(options, "runs", "3"));
        Path root = Path.of(Options.one(options, "root", ".")).toAbsolutePath().normalize();
        Path jar = root.resolve(Options.one(options, "jar", "web-ui/target/gridwhistle.jar"));
        Path data = root.resolve(Options.one(options, "data", "target/bench-data"));
        Path report = root.resolve(Options.one(options, "report", "docs/benchmarks.md"));
        Path plots = root.resolve(Options.one(options, "plots", "docs/benchmarks"));
        List<String> jvm = List.of(Options.one(options, "app-jvm", "-Xmx1g").split(" "));
        List<String> properties = options.getOrDefault("app-property", List.of());

        Bench bench = new Bench(scale, runs, root);
        if (options.containsKey("phases")) {
            bench.phases = java.util.Set.of(Options.one(options, "phases", "").split(","));
        }
        bench.reuseData = Boolean.parseBoolean(Options.one(options, "reuse-data", "false"))
                && Files.isDirectory(data.resolve("app"));
        Instant started = Instant.now();
        bench.run(jar, data, jvm, properties);
        new ReportWriter(bench, scale, runs, started, Instant.now(), jvm, properties).write(report, plots);
        System.out.println("Report written to " + report);
    }

    void run(Path jar, Path data, List<String> jvm, List<String> properties) throws Exception {
        if (reuseData) {
            notes.put("data", "the data folder of an earlier run, started again without a preload");
        } else {
            deleteTree(data);
        }
        Path demo = root.resolve("infra/platform/src/main/resources/gridwhistle/demo");
        Path city = data.resolve("city");
        BenchCity benchCity = new BenchCity(scale.citySide());
        benchCity.write(city, demo);
        reports = new Reports(root.resolve("infra/platform/src/main/resources/gridwhistle/categories.json"), benchCity,
                Long.toString(System.currentTimeMillis() % 100_000, 36));
        Path drawn = data.resolve("reports-drawn");
        if (reuseData && Files.exists(drawn)) {
            reports.skip(Long.parseLong(Files.readString(drawn).trim()));
        }
        log("distinct report points in the bench city: %,d", reports.capacity());
        long t0 = System.nanoTime();
        app = AppProcess.start(jar, data.resolve("app"), city, jvm, properties, reuseData, Duration.ofMinutes(10));
        log("application up in %.1f s (pid %d, PostgreSQL %d, Elasticsearch %s)", (System.nanoTime() - t0) / 1e9,
                app.process.pid(), app.postgresPort, app.elasticUri);
        try {
            api = new Api(app.baseUri);
            raw = new RawLimits(app.jdbcUrl(), app.elasticUri,
                    root.resolve("infra/platform/src/main/resources/elasticsearch/cases-index.json"));
            cpuMeter = new ProcessCpu(app.process.pid(), app.elasticPid, app::postmasterPid);
            riderTokens = BenchCity.riders(demo).stream().map(api::token).toList();
            supervisor = api.token("supervisor");
            admin = api.token("admin");
            Thread.sleep(5_000);
            restFigures();
            warmUp();
            if (reuseData) {
                awaitEveryProcessorIdle();
            } else if (scale.preloadCases() > 0) {
                new Preload(raw, this::fileOne, scale.preloadCases(), benchCity).run(this);
            }
            for (int run = 1; run <= runs; run++) {
                log("=== run %d of %d ===", run, runs);
                oneRun(run == runs);
            }
            if (phases.contains("soak")) {
                soak();
            }
            put("S1.attached", attached.get());
        } finally {
            Files.writeString(drawn, Long.toString(reports.drawn()));
            if (raw != null) {
                raw.dropL3();
                raw.close();
            }
            app.close();
        }
    }

    private void oneRun(boolean last) throws Exception {
        // L1 at 1 and 8 clients, then S1's curve, then L1 at the knee's concurrency
        if (phases.contains("s1")) {
            for (int clients : List.of(1, 8)) {
                put("L1.c" + clients, raw.l1(clients, Duration.ofSeconds(1), scale.l1()).throughput());
                log("L1 %d clients: %.0f tx/s", clients, last("L1.c" + clients));
            }
            s1(last);
            int knee = (int) last("S1.knee.clients");
            Load.Result l1Knee = raw.l1(knee, Duration.ofSeconds(1), scale.l1());
            put("L1.knee", l1Knee.throughput());
            log("L1 at the knee (%d clients): %.0f tx/s", knee, l1Knee.throughput());
        }
        if (phases.contains("s2")) {
            s2(last);
        }
        if (phases.contains("s45")) {
            l4AndS4S5(last);
        }
        if (phases.contains("s6")) {
            s6();
        }
        if (phases.contains("s3")) {
            s3();
        }
    }

    /** The JIT compiles the hot paths of a cold JVM for tens of seconds (C2 was still busy after 20 s): load that is not measured. */
    private void warmUp() throws InterruptedException {
        Duration warm = scale.name().equals("full") ? Duration.ofSeconds(60) : Duration.ofSeconds(45);
        Load.Result r = Load.closed(8, Duration.ZERO, warm, () -> fileOne() != null);
        log("warm-up: %s at 8 clients, %.0f reports/s (not counted)", warm, r.throughput());
    }

    /** Files one report as the next rider; answers the case id, or null when refused. */
    String fileOne() {
        Reports.Report r = reports.next();
        String token = riderTokens.get(Math.floorMod(riderTurn.getAndIncrement(), riderTokens.size()));
        Api.Answer a = api.post("/api/reports", token, r.json());
        if (a.status() != 201) {
            return null;
        }
        if (a.body().contains("\"attached\":true")) {
            attached.incrementAndGet();
        }
        int at = a.body().indexOf("\"caseId\":\"");
        return at < 0 ? "" : a.body().substring(at + 10, a.body().indexOf('"', at + 10));
    }

    private void restFigures() {
        put("S7.rest.rss.mb", ProcessCpu.rssBytes(app.process.pid()) / 1048576.0);
        put("S7.rest.heap.mb", api.metric(admin, "jvm.memory.used", "area:heap") / 1048576.0);
        put("S7.rest.es.rss.mb", ProcessCpu.rssBytes(app.elasticPid) / 1048576.0);
        log("at rest: app RSS %.0f MB, heap used %.0f MB", last("S7.rest.rss.mb"), last("S7.rest.heap.mb"));
    }

    private void s1(boolean last) throws Exception {
        double best = 0;
        Map<Integer, Double> curve = new LinkedHashMap<>();
        for (int clients : scale.concurrency()) {
            double[] peakMemory = {0, 0};
            Thread memory = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peakMemory[0] = Math.max(peakMemory[0], ProcessCpu.rssBytes(app.process.pid()) / 1048576.0);
                    peakMemory[1] = Math.max(peakMemory[1], api.metric(admin, "jvm.memory.used", "area:heap") / 1048576.0);
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            ProcessCpu.Sample before = cpuMeter.sample();
            Load.Result r = Load.closed(clients, scale.s1Warm(), scale.s1(), () -> fileOne() != null);
            Map<String, Double> usage = ProcessCpu.percent(before, cpuMeter.sample());
            memory.interrupt();
            put("S1.c" + clients + ".rps", r.throughput());
            put("S1.c" + clients + ".p50", r.ms(50));
            put("S1.c" + clients + ".p99", r.ms(99));
            put("S1.c" + clients + ".failed", r.failed());
            if (clients == scale.concurrency().getLast()) {
                put("S7.s1.rss.mb", peakMemory[0]);
                put("S7.s1.heap.mb", peakMemory[1]);
            }
            curve.put(clients, r.throughput());
            best = Math.max(best, r.throughput());
            if (last) {
                cpu.put("S1 " + clients + " clients", usage);
                s1Curve.add(new double[] {clients, r.throughput(), r.ms(50), r.ms(99)});
            }
            log("S1 %2d clients: %6.0f reports/s, p50 %.1f ms, p99 %.1f ms, %d failed; CPU %s", clients,
                    r.throughput(), r.ms(50), r.ms(99), r.failed(), usage);
        }
        // the knee: the fewest clients that reach 90 % of the best throughput
        final double peak = best;
        int knee = curve.entrySet().stream().filter(e -> e.getValue() >= 0.9 * peak).findFirst().orElseThrow().getKey();
        put("S1.knee.clients", knee);
        put("S1.knee.rps", curve.get(knee));
        put("S1.peak.rps", peak);
    }

    private double halfLoad() {
        if (Double.isNaN(last("S1.knee.rps"))) {
            return 50; // S1 not run (--phases): a fixed rate
        }
        return Math.max(1, 0.5 * last("S1.knee.rps"));
    }

    private void s2(boolean last) throws Exception {
        double rate = halfLoad();
        AtomicLong n = new AtomicLong();
        Load.Result r;
        boolean statements = resetStatementStats();
        ProcessCpu.Sample before = cpuMeter.sample();
        try (Visibility visibility = new Visibility(raw.es, 50)) {
            r = Load.open(rate, Duration.ofSeconds(3), scale.s2(), 512, () -> {
                String caseId = fileOne();
                if (caseId != null && !caseId.isEmpty() && n.incrementAndGet() % 4 == 0) {
                    visibility.track(caseId, System.nanoTime());
                }
                return caseId != null;
            });
            Thread.sleep(3000);
            visibility.close();
            put("S2.visible.p50", visibility.searchable.getValueAtPercentile(50) / 1e6);
            put("S2.visible.p99", visibility.searchable.getValueAtPercentile(99) / 1e6);
            put("S2.indexed.p50", visibility.indexed.getValueAtPercentile(50) / 1e6);
            put("S2.indexed.p99", visibility.indexed.getValueAtPercentile(99) / 1e6);
            put("S2.tracked", visibility.searchable.getTotalCount());
            put("S2.timedOut", visibility.timedOut);
        }
        Map<String, Double> usage = ProcessCpu.percent(before, cpuMeter.sample());
        put("S2.rate", rate);
        put("S1.half.p50", r.ms(50));
        put("S1.half.p99", r.ms(99));
        put("S1.half.failed", r.failed());
        if (last) {
            cpu.put("S2 (50 % load)", usage);
            s2Load = r;
            if (statements) {
                try (Connection c = raw.connect()) {
                    s2Statements = StatementStats.read(c, r.ok());
                }
            }
        }
        log("S2 at %.0f reports/s: 201 p50 %.1f p99 %.1f ms; indexed p50 %.0f p99 %.0f ms; searchable p50 %.0f p99 %.0f ms; CPU %s",
                rate, r.ms(50), r.ms(99), last("S2.indexed.p50"), last("S2.indexed.p99"), last("S2.visible.p50"),
                last("S2.visible.p99"), usage);
    }

    private boolean resetStatementStats() {
        try (Connection c = raw.connect()) {
            StatementStats.reset(c);
            return true;
        } catch (SQLException e) {
            log("pg_stat_statements cannot be reset, statements per report not measured: %s", e.getMessage());
            return false;
        }
    }

    static final String L4_SEARCH = """
            {"size":20,"query":{"bool":{"must":[{"match":{"description":{"query":"井盖"}}}],
             "filter":[{"terms":{"status":["REGISTERED","DISPATCHED","IN_PROGRESS"]}}]}},
             "sort":[{"reportedAt":"desc"}],"highlight":{"fields":{"description":{}}},"track_total_hits":true}""";
    static final String L4_AGGREGATION = """
            {"size":0,"query":{"range":{"reportedAt":{"gte":"now-365d"}}},
             "aggs":{"district":{"terms":{"field":"districtCode","size":100},
               "aggs":{"category":{"terms":{"field":"categoryCode","size":100},
                 "aggs":{"month":{"date_histogram":{"field":"reportedAt","calendar_interval":"month"}}}}}}}}""";

    private void l4AndS4S5(boolean last) throws Exception {
        List<Map<String, Object>> samples = raw.sampleDocuments(2000);
        long docs = raw.es.count(c -> c.index("cases")).count();
        int l3Total = (int) Math.max(scale.l3Docs(), Math.min(docs, 1_000_000));
        RawLimits.Rate l3 = raw.l3(samples, l3Total);
        put("L3.docs.per.s", l3.perSecond());
        log("L3: %,d documents in %.1f s: %.0f docs/s", l3.count(), l3.seconds(), l3.perSecond());
        Histogram search = raw.l4(RawLimits.L3_INDEX, L4_SEARCH, scale.l4());
        Histogram aggregation = raw.l4(RawLimits.L3_INDEX, L4_AGGREGATION, scale.l4());
        raw.dropL3();
        put("L4.search.p50", search.getValueAtPercentile(50) / 1e6);
        put("L4.search.p99", search.getValueAtPercentile(99) / 1e6);
        put("L4.agg.p50", aggregation.getValueAtPercentile(50) / 1e6);
        put("L4.agg.p99", aggregation.getValueAtPercentile(99) / 1e6);
        put("S4.cases", docs);
        log("L4 on %,d docs: search p50 %.1f p99 %.1f ms; aggregation p50 %.1f p99 %.1f ms", l3Total,
                last("L4.search.p50"), last("L4.search.p99"), last("L4.agg.p50"), last("L4.agg.p99"));

        String to = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String from = Instant.now().minus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String[][] searches = {
            {"q", "井盖"}, {"q", "路灯", "status", "DISPATCHED"}, {"category", "C0101", "sort", "NEWEST"},
            {"district", "519901", "q", "积水"}, {"near", BenchCity.lat(800) + "," + BenchCity.lon(800) + ",300"},
        };
        AtomicInteger turn = new AtomicInteger();
        Load.Result s4 = underHalfLoad(10, () -> {
            String[] params = searches[Math.floorMod(turn.getAndIncrement(), searches.length)];
            return api.get("/api/cases", supervisor, params).status() == 200;
        }, last ? "S4 (search under 50 % ingest)" : null);
        put("S4.p50", s4.ms(50));
        put("S4.p99", s4.ms(99));
        put("S4.failed", s4.failed());
        // S5 asks for what the supervisor's dashboard page shows: the last 365 days through today, as city dates
        LocalDate today = LocalDate.now(CITY);
        Load.Result s5 = dashboards(today.minusDays(364).toString(), today.plusDays(1).toString(),
                last ? "S5 (dashboards under 50 % ingest)" : null);
        put("S5.p50", s5.ms(50));
        put("S5.p99", s5.ms(99));
        put("S5.failed", s5.failed());
        // the same year cut at this second at both ends, as an API client may ask: the partial days come from the index
        Load.Result s5i = dashboards(from, to, null);
        put("S5i.p50", s5i.ms(50));
        put("S5i.p99", s5i.ms(99));
        put("S5i.failed", s5i.failed());
        if (last) {
            s4Load = s4;
            s5Load = s5;
        }
        log("S4 search p50 %.1f p99 %.1f ms (%d failed); S5 dashboard p50 %.1f p99 %.1f ms (%d failed), cut at "
                + "instants p50 %.1f p99 %.1f ms (%d failed) on %,d cases", s4.ms(50), s4.ms(99), s4.failed(),
                s5.ms(50), s5.ms(99), s5.failed(), s5i.ms(50), s5i.ms(99), s5i.failed(), docs);
    }

    /** Performance by district, by category and the trend by month, in turn, at 4/s under half ingest. */
    private Load.Result dashboards(String from, String to, String cpuLabel) throws Exception {
        String[][] dashboards = {
            {"/api/dashboards/performance", "groupBy", "DISTRICT"},
            {"/api/dashboards/performance", "groupBy", "CATEGORY"},
            {"/api/dashboards/trend", "interval", "MONTH"},
        };
        AtomicInteger turn = new AtomicInteger();
        return underHalfLoad(4, () -> {
            String[] d = dashboards[Math.floorMod(turn.getAndIncrement(), dashboards.length)];
            return api.get(d[0], supervisor, d[1], d[2], "from", from, "to", to).status() == 200;
        }, cpuLabel);
    }

    /** Queries at {@code rate}/s, open loop, while reports arrive at half the knee's rate, open loop too. */
    private Load.Result underHalfLoad(double rate, Load.Call query, String cpuLabel) throws Exception {
        ProcessCpu.Sample before = cpuMeter.sample();
        Thread ingest = Thread.ofPlatform().daemon().start(() -> {
            try {
                Load.open(halfLoad(), Duration.ZERO, scale.s45().plusSeconds(5), 512, () -> fileOne() != null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Load.Result r = Load.open(rate, Duration.ofSeconds(3), scale.s45(), 64, query);
        ingest.join();
        if (cpuLabel != null) {
            cpu.put(cpuLabel, ProcessCpu.percent(before, cpuMeter.sample()));
        }
        return r;
    }

    /**
     * Command latency as a case grows: notes on one parked case, closed loop with one client. At about 10, 100 and
     * 1,000 events of the long case, 11 notes on it alternate with 11 notes on a new parked case (about 6 events),
     * so both are measured under the same load at the same moment; the figures are the medians.
     */
    private void s6() {
        String longCase = parkedCase();
        if (longCase == null) {
            return;
        }
        String throwaway = parkedCase();
        for (int i = 0; i < 30; i++) { // warm the notes path on a throwaway case: its first calls compile code
            note(throwaway, i);
        }
        int events = 6; // about: filed, registered, dispatched or queued, the clock's, parked
        for (int checkpoint : new int[] {10, 100, 1000}) {
            while (events < checkpoint) {
                if (note(longCase, events) < 0) {
                    return;
                }
                events++;
            }
            String fresh = parkedCase();
            double[] onLong = new double[11], onNew = new double[11];
            for (int i = 0; i < 11; i++) {
                onLong[i] = note(longCase, events++);
                onNew[i] = note(fresh, i);
            }
            java.util.Arrays.sort(onLong);
            java.util.Arrays.sort(onNew);
            put("S6.e" + checkpoint, onLong[5]);
            put("S6.new" + checkpoint, onNew[5]);
            log("S6 at %d events: %.1f ms; a new case meanwhile: %.1f ms", checkpoint, onLong[5], onNew[5]);
        }
    }

    private String parkedCase() {
        String caseId = fileOne();
        Api.Answer parked = api.post("/api/cases/" + caseId + "/park", supervisor, "{\"reason\":\"基准测试：命令延迟\"}");
        if (parked.status() != 204) {
            notes.put("S6", "could not park a case: " + parked);
            return null;
        }
        return caseId;
    }

    /** One note's latency in ms, or -1 when it failed. */
    private double note(String caseId, int n) {
        long start = System.nanoTime();
        Api.Answer a = api.post("/api/cases/" + caseId + "/notes", supervisor, "{\"note\":\"进展 " + n + "\"}");
        if (a.status() != 204) {
            notes.put("S6", "a note failed: " + a);
            return -1;
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private void s3() throws Exception {
        RawLimits.Rate l2 = raw.l2();
        put("L2.rows.per.s", l2.perSecond());
        log("L2: %,d rows in %.1f s: %.0f rows/s", l2.count(), l2.seconds(), l2.perSecond());
        awaitProjectionsIdle();
        ProcessCpu.Sample before = cpuMeter.sample();
        Api.Answer started = api.post("/api/admin/rebuilds/cases", admin, null);
        if (started.status() != 202) {
            notes.put("S3", "rebuild refused: " + started);
            return;
        }
        var progress = started.json();
        while (!List.of("DONE", "FAILED").contains(progress.path("state").asText())) {
            Thread.sleep(500);
            progress = api.get("/api/admin/rebuilds/cases", admin).json();
        }
        Map<String, Double> usage = ProcessCpu.percent(before, cpuMeter.sample());
        double seconds = Duration.between(Instant.parse(progress.path("startedAt").asText()),
                Instant.parse(progress.path("finishedAt").asText())).toMillis() / 1000.0;
        long events = progress.path("eventsDone").asLong();
        put("S3.events", events);
        put("S3.events.per.s", events / seconds);
        if (progress.path("state").asText().equals("FAILED")) {
            // a rate over the events replayed before the failure is not a rebuild's rate
            put("S3.failed", 1);
            notes.put("S3", "the rebuild failed after " + events + " events (the application's log says why)");
        }
        cpu.put("S3 (rebuild)", usage);
        log("S3: %s, %,d events in %.1f s: %.0f events/s; CPU %s", progress.path("state").asText(), events, seconds,
                events / seconds, usage);
    }

    /** Waits until the case-search processor has caught up (the head of the store is searchable). */
    void awaitProjectionsIdle() throws Exception {
        String caseId = fileOne();
        long start = System.nanoTime();
        while (System.nanoTime() - start < Duration.ofMinutes(30).toNanos()) {
            if (raw.es.exists(e -> e.index("cases").id(caseId)).value()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the case-search projection did not catch up within 30 minutes");
    }

    /** Waits until no streaming processor is more than a handful of events behind the head of the store. */
    void awaitEveryProcessorIdle() throws Exception {
        long start = System.nanoTime();
        long logged = start;
        while (System.nanoTime() - start < Duration.ofMinutes(90).toNanos()) {
            double lag = api.metric(admin, "gridwhistle.processor.lag");
            if (lag <= 100) {
                return;
            }
            if (System.nanoTime() - logged > Duration.ofSeconds(60).toNanos()) {
                log("waiting for the processors: %,.0f events behind in all", lag);
                logged = System.nanoTime();
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the processors did not catch up within 90 minutes");
    }

    /** S7: memory under half load for the soak's duration, sampled every 5 s; growth compares the first and last third. */
    private void soak() throws Exception {
        log("S7 soak: %s at %.0f reports/s", scale.soak(), halfLoad());
        long begin = System.nanoTime();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                double live = api.metric(admin, "jvm.gc.live.data.size") / 1048576.0;
                double heap = api.metric(admin, "jvm.memory.used", "area:heap") / 1048576.0;
                double rss = ProcessCpu.rssBytes(app.process.pid()) / 1048576.0;
                synchronized (soakSeries) {
                    soakSeries.add(new double[] {(System.nanoTime() - begin) / 1e9, rss, heap, live});
                }
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        ProcessCpu.Sample before = cpuMeter.sample();
        Load.Result r = Load.open(halfLoad(), Duration.ZERO, scale.soak(), 512, () -> fileOne() != null);
        sampler.interrupt();
        sampler.join();
        cpu.put("S7 soak (50 % load)", ProcessCpu.percent(before, cpuMeter.sample()));
        int third = Math.max(1, soakSeries.size() / 3);
        put("S7.soak.rss.first", avg(soakSeries.subList(0, third), 1));
        put("S7.soak.rss.last", avg(soakSeries.subList(soakSeries.size() - third, soakSeries.size()), 1));
        put("S7.soak.live.first", avg(soakSeries.subList(0, third), 3));
        put("S7.soak.live.last", avg(soakSeries.subList(soakSeries.size() - third, soakSeries.size()), 3));
        put("S7.soak.p99", r.ms(99));
        put("S7.soak.seconds", scale.soak().toSeconds());
        log("S7 soak: RSS %.0f → %.0f MB, live data after GC %.0f → %.0f MB, 201 p99 %.1f ms",
                last("S7.soak.rss.first"), last("S7.soak.rss.last"), last("S7.soak.live.first"),
                last("S7.soak.live.last"), r.ms(99));
    }

    private static double avg(List<double[]> rows, int column) {
        return rows.stream().mapToDouble(r -> r[column]).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    void put(String key, double value) {
        figures.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    double last(String key) {
        List<Double> values = figures.get(key);
        return values == null ? Double.NaN : values.getLast();
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench %s] %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS), String.format(format, args));
    }

    private static void deleteTree(Path path) throws java.io.IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static int random(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }
}
