package city.gridwhistle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Writes the measured figures into the report between the markers {@code <!-- bench:begin -->} and
 * {@code <!-- bench:end -->} (the rest of the file, the written-down tuning history, is kept), and the plots.
 */
final class ReportWriter {

    static final String BEGIN = "<!-- bench:begin -->";
    static final String END = "<!-- bench:end -->";

    private final Bench bench;
    private final Scale scale;
    private final int runs;
    private final Instant started;
    private final Instant finished;
    private final List<String> jvm;
    private final List<String> properties;

    ReportWriter(Bench bench, Scale scale, int runs, Instant started, Instant finished, List<String> jvm,
                 List<String> properties) {
        this.bench = bench;
        this.scale = scale;
        this.runs = runs;
        this.started = started;
        this.finished = finished;
        this.jvm = jvm;
        this.properties = properties;
    }

    void write(Path report, Path plots) throws IOException {
        Path link = report.toAbsolutePath().getParent().relativize(plots.toAbsolutePath());
        String section = section(link.toString().isEmpty() ? Path.of(".") : link);
        String old = Files.exists(report) ? Files.readString(report) : "# Benchmarks\n\n";
        int b = old.indexOf(BEGIN), e = old.indexOf(END);
        String text = b >= 0 && e > b ? old.substring(0, b) + section + old.substring(e + END.length())
                : old + "\n" + section + "\n";
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, text);
        plots(plots);
        Files.writeString(plots.resolve("figures-" + scale.name() + ".tsv"), tsv());
        if (bench.s2Statements != null) {
            Files.writeString(plots.resolve("statements-" + scale.name() + ".tsv"), statementsTsv(bench.s2Statements));
        }
    }

    private String tsv() {
        StringBuilder out = new StringBuilder("figure\tvalues per run\n");
        bench.figures.forEach((k, v) -> out.append(k).append('\t').append(v).append('\n'));
        return out.toString();
    }

    private double med(String key) {
        List<Double> v = bench.figures.get(key);
        if (v == null || v.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private String spread(String key, String format) {
        List<Double> v = bench.figures.get(key);
        if (v == null || v.isEmpty()) {
            return "—";
        }
        String m = String.format(format, med(key));
        if (v.size() == 1) {
            return m;
        }
        double min = v.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = v.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return m + " (" + String.format(format, min) + "–" + String.format(format, max) + ")";
    }

    private static String met(boolean ok) {
        return ok ? "met" : "**missed**";
    }

    private String section(Path plotLink) {
        String commit = bench.commit;
        String dirty = bench.dirty ? " (with uncommitted changes)" : "";
        StringBuilder s = new StringBuilder(BEGIN).append('\n');
        s.append("## Latest run: ").append(scale.name()).append(" scale\n\n");
        s.append("Written by the load driver (`infra/bench`); do not edit by hand between the markers.\n\n");
        s.append("| | |\n|---|---|\n");
        s.append("| date | ").append(started.truncatedTo(ChronoUnit.SECONDS)).append(" – ")
                .append(finished.truncatedTo(ChronoUnit.SECONDS)).append(" (")
                .append(Duration.between(started, finished).toMinutes()).append(" min) |\n");
        s.append("| commit | `").append(commit).append('`').append(dirty).append(" |\n");
        s.append("| machine | ").append(machine()).append(" |\n");
        s.append("| app JVM | `").append(String.join(" ", jvm)).append("` ")
                .append(properties.isEmpty() ? "" : "with `" + String.join("`, `", properties) + "`").append(" |\n");
        s.append("| runs | ").append(runs).append(" (figures are the median, with min–max over the runs) |\n");
        s.append("| data | ").append(String.format("%,.0f", med("S4.cases"))).append(" cases in the index at S4/S5")
                .append(scale.preloadCases() > 0 ? String.format("; %,d preloaded through the bulk path", scale.preloadCases()) : "")
                .append("; bench city of ").append(scale.citySide() * scale.citySide()).append(" + 45 cells |\n\n");

        double s1 = med("S1.knee.rps"), l1 = med("L1.knee");
        double s3 = med("S3.events.per.s"), l2 = med("L2.rows.per.s"), l3 = med("L3.docs.per.s");
        double e1 = med("S6.new1000"), e1000 = med("S6.e1000");
        s.append("| id | figure | measured | raw limit, same run | ratio | goal | |\n|---|---|---|---|---|---|---|\n");
        s.append(String.format("| S1 | reports accepted/s at the knee (%s clients), closed loop | %s | L1 at %s clients: %s tx/s | %.2f | ≥ 1,000/s and ≥ 0.5 × L1 | %s |%n",
                spread("S1.knee.clients", "%.0f"), spread("S1.knee.rps", "%.0f"), spread("S1.knee.clients", "%.0f"),
                spread("L1.knee", "%.0f"), s1 / l1, met(s1 >= 1000 && s1 / l1 >= 0.5)));
        s.append(String.format("| S1 | 201 latency p99 at 50 %% of the knee, open loop | %s ms | — | — | ≤ 50 ms | %s |%n",
                spread("S1.half.p99", "%.1f"), met(med("S1.half.p99") <= 50)));
        s.append(String.format("| S2 | report → searchable p50 / p99 at 50 %% load | %s / %s ms | — | — | ≤ 1,000 / ≤ 2,000 ms | %s |%n",
                spread("S2.visible.p50", "%.0f"), spread("S2.visible.p99", "%.0f"),
                met(med("S2.visible.p50") <= 1000 && med("S2.visible.p99") <= 2000)));
        s.append(String.format("| S3 | projection rebuild, events/s (%s events) | %s | min(L2 %s rows/s, L3 %s docs/s) | %.2f | ≥ 20,000/s and ≥ 0.5 × min | %s |%n",
                spread("S3.events", "%,.0f"), spread("S3.events.per.s", "%,.0f"), spread("L2.rows.per.s", "%,.0f"),
                spread("L3.docs.per.s", "%,.0f"), s3 / Math.min(l2, l3),
                med("S3.failed") >= 1 ? "**failed** (stopped after these events)"
                        : met(s3 >= 20_000 && s3 / Math.min(l2, l3) >= 0.5)));
        s.append(String.format("| S4 | search p99 under 50 %% ingest, %,.0f cases | %s ms | L4 search p99 %s ms | %.1f | ≤ 100 ms at 1 M cases | %s |%n",
                med("S4.cases"), spread("S4.p99", "%.1f"), spread("L4.search.p99", "%.1f"), med("S4.p99") / med("L4.search.p99"),
                met(med("S4.p99") <= 100) + (med("S4.cases") < 1_000_000 ? " (below 1 M cases)" : "")));
        s.append(String.format("| S5 | dashboard p99 under 50 %% ingest, %,.0f cases | %s ms | L4 aggregation p99 %s ms | %.1f | ≤ 300 ms at 1 M cases | %s |%n",
                med("S4.cases"), spread("S5.p99", "%.1f"), spread("L4.agg.p99", "%.1f"), med("S5.p99") / med("L4.agg.p99"),
                met(med("S5.p99") <= 300) + (med("S4.cases") < 1_000_000 ? " (below 1 M cases)" : "")));
        if (bench.figures.containsKey("S5i.p99")) {
            s.append(String.format("| S5 | the same year cut at instants (partial days from the index), p99 | %s ms | L4 aggregation p99 %s ms | %.1f | — | — |%n",
                    spread("S5i.p99", "%.1f"), spread("L4.agg.p99", "%.1f"), med("S5i.p99") / med("L4.agg.p99")));
        }
        s.append(String.format("| S6 | command latency at ~1,000 events vs a new case, same moment (medians of 11 notes) | %s ms vs %s ms | — | %.2f | ≤ 2 | %s |%n",
                spread("S6.e1000", "%.1f"), spread("S6.new1000", "%.1f"), e1000 / e1, met(e1000 / e1 <= 2)));
        s.append(String.format("| S7 | app RSS / heap used at rest | %s / %s MB | — | — | documented | — |%n",
                spread("S7.rest.rss.mb", "%.0f"), spread("S7.rest.heap.mb", "%.0f")));
        s.append(String.format("| S7 | app RSS / heap used, peak during S1 at %d clients | %s / %s MB | — | — | documented | — |%n",
                scale.concurrency().getLast(), spread("S7.s1.rss.mb", "%.0f"), spread("S7.s1.heap.mb", "%.0f")));
        double liveFirst = med("S7.soak.live.first"), liveLast = med("S7.soak.live.last");
        s.append(String.format("| S7 | soak %s s at 50 %% load: live heap after GC, first → last third; RSS | %.0f → %.0f MB; %.0f → %.0f MB | — | — | no growth | %s |%n%n",
                spread("S7.soak.seconds", "%.0f"), liveFirst, liveLast, med("S7.soak.rss.first"), med("S7.soak.rss.last"),
                scale.soak().toMinutes() < 10 ? "not judged (soak shorter than 10 min)"
                        : met(liveLast <= liveFirst * 1.10 + 16)));

        s.append("### S1: throughput and latency by concurrency (closed loop)\n\n| clients | reports/s | p50 ms | p99 ms | failed |\n|---|---|---|---|---|\n");
        for (int c : scale.concurrency()) {
            s.append(String.format("| %d | %s | %s | %s | %s |%n", c, spread("S1.c" + c + ".rps", "%.0f"),
                    spread("S1.c" + c + ".p50", "%.1f"), spread("S1.c" + c + ".p99", "%.1f"), spread("S1.c" + c + ".failed", "%.0f")));
        }
        s.append(String.format("%nL1 (single-row insert transactions/s into a copy of the event table): 1 client %s, 8 clients %s, at the knee %s.%n",
                spread("L1.c1", "%.0f"), spread("L1.c8", "%.0f"), spread("L1.knee", "%.0f")));
        s.append(String.format("Reports that attached to an open case instead of opening one (lattice used up): %,.0f.%n%n",
                med("S1.attached")));
        s.append(String.format("S2 parts: the 201 answer p50 %s / p99 %s ms (open loop at %s reports/s); the document indexed (realtime get) p50 %s / p99 %s ms after the 201; searchable after a refresh p50 %s / p99 %s ms. %s cases tracked a run, polled every 50 ms; %s not seen within 60 s.%n%n",
                spread("S1.half.p50", "%.1f"), spread("S1.half.p99", "%.1f"), spread("S2.rate", "%.0f"),
                spread("S2.indexed.p50", "%.0f"), spread("S2.indexed.p99", "%.0f"),
                spread("S2.visible.p50", "%.0f"), spread("S2.visible.p99", "%.0f"), spread("S2.tracked", "%.0f"),
                spread("S2.timedOut", "%.0f")));
        s.append(String.format("S4/S5 p50: search %s ms (L4 %s), dashboards %s ms, cut at instants %s ms (L4 %s). S6 medians at ~10 / 100 / 1,000 events: %s / %s / %s ms (a new case at the same moments: %s / %s / %s ms).%n%n",
                spread("S4.p50", "%.1f"), spread("L4.search.p50", "%.1f"), spread("S5.p50", "%.1f"), spread("S5i.p50", "%.1f"), spread("L4.agg.p50", "%.1f"),
                spread("S6.e10", "%.1f"), spread("S6.e100", "%.1f"), spread("S6.e1000", "%.1f"),
                spread("S6.new10", "%.1f"), spread("S6.new100", "%.1f"), spread("S6.new1000", "%.1f")));
        if (bench.figures.containsKey("P.cases")) {
            s.append(String.format("Preload (bulk path): %,.0f cases as %,.0f events inserted at %,.0f events/s; the case index caught up at %,.0f events/s, every processor after %,.0f s (insert included); the measurements start after that.%n%n",
                    med("P.cases"), med("P.events"), med("P.insert.events.per.s"), med("P.catchup.events.per.s"),
                    med("P.catchup.all.seconds")));
        }
        s.append("### CPU by process (last run; % of one core, the machine has 200 %)\n\n| phase | app | elasticsearch | postgres | driver | total |\n|---|---|---|---|---|---|\n");
        bench.cpu.forEach((phase, usage) -> s.append(String.format("| %s | %.0f | %.0f | %.0f | %.0f | %.0f |%n", phase,
                usage.get("app"), usage.get("elasticsearch"), usage.get("postgres"), usage.get("driver"),
                usage.values().stream().mapToDouble(Double::doubleValue).sum())));
        statements(s);
        bench.notes.forEach((k, v) -> s.append("\n").append(k).append(": ").append(v).append('\n'));
        s.append("\n![S1 throughput vs concurrency](").append(plotLink).append("/s1-throughput.png)\n");
        s.append("![S1 latency vs concurrency](").append(plotLink).append("/s1-latency.png)\n");
        s.append("![Latency over time](").append(plotLink).append("/latency-over-time.png)\n");
        s.append("![S7 memory over the soak](").append(plotLink).append("/s7-memory.png)\n");
        s.append('\n').append(END);
        return s.toString();
    }

    /** What PostgreSQL did per report during S2 (last run), its largest statements first. */
    private void statements(StringBuilder s) {
        StatementStats.PerReport stats = bench.s2Statements;
        if (stats == null) {
            return;
        }
        s.append(String.format("%n### PostgreSQL per report during S2 (last run; pg_stat_statements)%n%n"
                + "%.1f statements, %.2f ms of execution and planning, %,.0f bytes of WAL per report in all. The largest:%n%n"
                + "| calls / report | ms / report | WAL bytes / report | statement |%n|---|---|---|---|%n",
                stats.calls(), stats.ms(), stats.walBytes()));
        for (StatementStats.Line line : stats.top(15)) {
            String query = line.query().length() > 120 ? line.query().substring(0, 117) + "..." : line.query();
            s.append(String.format("| %.2f | %.3f | %,.0f | `%s` |%n", line.callsPerReport(), line.msPerReport(),
                    line.walBytesPerReport(), query.replace("|", "\\|").replace("`", "'")));
        }
    }

    /** Every statement of S2 (last run), per report, the largest by time first: the table's rows and the rest. */
    private static String statementsTsv(StatementStats.PerReport stats) {
        StringBuilder s = new StringBuilder("calls_per_report\tms_per_report\twal_bytes_per_report\tstatement\n");
        for (StatementStats.Line line : stats.lines()) {
            s.append(String.format(Locale.ROOT, "%.4f\t%.4f\t%.0f\t%s%n", line.callsPerReport(),
                    line.msPerReport(), line.walBytesPerReport(), line.query().replace('\t', ' ')));
        }
        return s.toString();
    }

    private void plots(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<double[]> curve = bench.s1Curve;
        double[] clients = curve.stream().mapToDouble(r -> r[0]).toArray();
        double[] l1Clients = {1, 8, med("S1.knee.clients")};
        double[] l1 = {med("L1.c1"), med("L1.c8"), med("L1.knee")};
        sortPairs(l1Clients, l1);
        new Plot("S1: reports accepted/s vs concurrency (closed loop), beside L1", "clients", "per second").logX()
                .add("S1 reports/s", clients, curve.stream().mapToDouble(r -> r[1]).toArray())
                .add("L1 insert tx/s", l1Clients, l1)
                .write(dir.resolve("s1-throughput.png"));
        new Plot("S1: latency vs concurrency (closed loop)", "clients", "ms").logX()
                .add("p50", clients, curve.stream().mapToDouble(r -> r[2]).toArray())
                .add("p99", clients, curve.stream().mapToDouble(r -> r[3]).toArray())
                .write(dir.resolve("s1-latency.png"));
        Plot overTime = new Plot("Latency over time, open loop (per second, last run)", "second of the phase", "ms");
        addPerSecond(overTime, "S2 report 201 p99", bench.s2Load);
        addPerSecond(overTime, "S4 search p99", bench.s4Load);
        addPerSecond(overTime, "S5 dashboard p99", bench.s5Load);
        overTime.write(dir.resolve("latency-over-time.png"));
        List<double[]> soak = new ArrayList<>(bench.soakSeries);
        double[] t = soak.stream().mapToDouble(r -> r[0]).toArray();
        new Plot("S7: app memory during the soak at 50 % load", "seconds", "MB")
                .add("RSS", t, soak.stream().mapToDouble(r -> r[1]).toArray())
                .add("heap used", t, soak.stream().mapToDouble(r -> r[2]).toArray())
                .add("live heap after GC", t, soak.stream().mapToDouble(r -> r[3]).toArray())
                .write(dir.resolve("s7-memory.png"));
    }

    private static void sortPairs(double[] x, double[] y) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        double[] xs = x.clone(), ys = y.clone();
        for (int i = 0; i < order.length; i++) {
            x[i] = xs[order[i]];
            y[i] = ys[order[i]];
        }
    }

    private static void addPerSecond(Plot plot, String name, Load.Result result) {
        if (result == null) {
            return;
        }
        List<Histogram> seconds = result.perSecond();
        double[] x = new double[seconds.size()], y = new double[seconds.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
            y[i] = seconds.get(i).getTotalCount() == 0 ? Double.NaN : seconds.get(i).getValueAtPercentile(99) / 1e6;
        }
        plot.add(name, x, y);
    }

    private static String machine() {
        String cpuModel = "?";
        try {
            cpuModel = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException e) {
            // keep "?"
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
        return String.format("%d cores (%s), %.0f GiB, %s %s, Java %s; app, PostgreSQL 17 (fsync and synchronous_commit on), Elasticsearch 9.5.3 and the driver on the same machine",
                Runtime.getRuntime().availableProcessors(), cpuModel, memory / 1073741824.0,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"));
    }

    static String git(String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("git"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return out;
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }

}
