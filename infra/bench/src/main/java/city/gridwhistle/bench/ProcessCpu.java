package city.gridwhistle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * CPU time of the processes that share the machine during a run, from {@code /proc}: the application, its
 * Elasticsearch node, PostgreSQL (the postmaster and all its backends) and the driver itself. A phase reports each
 * as a share of one core (200 % = both cores of this machine), which shows which process saturates.
 */
final class ProcessCpu {

    private static final double TICKS = 100.0; // USER_HZ on Linux

    private final Map<String, LongSupplier> pids = new LinkedHashMap<>();

    ProcessCpu(long app, long elastic, LongSupplier postmaster) {
        pids.put("app", () -> app);
        pids.put("elasticsearch", () -> elastic);
        pids.put("postgres", postmaster);
        pids.put("driver", () -> ProcessHandle.current().pid());
    }

    record Sample(long nanos, Map<String, Double> seconds) {
    }

    Sample sample() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((name, pid) -> seconds.put(name, name.equals("postgres") ? tree(pid.getAsLong()) : cpu(pid.getAsLong())));
        return new Sample(System.nanoTime(), seconds);
    }

    /** Percent of one core per process between two samples. */
    static Map<String, Double> percent(Sample from, Sample to) {
        double wall = (to.nanos() - from.nanos()) / 1e9;
        Map<String, Double> out = new LinkedHashMap<>();
        to.seconds().forEach((name, s) -> out.put(name, 100 * (s - from.seconds().getOrDefault(name, 0.0)) / wall));
        return out;
    }

    private static double tree(long root) {
        String[] rootStat = stat(root);
        // the postmaster's own time and that of backends that have exited (cutime, cstime), then the live ones
        double total = rootStat == null ? 0
                : seconds(rootStat) + (Long.parseLong(rootStat[13]) + Long.parseLong(rootStat[14])) / TICKS;
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String[] f = stat(Long.parseLong(name));
                if (f != null && Long.parseLong(f[1]) == root) {
                    total += seconds(f);
                }
            }
        } catch (IOException e) {
            return total;
        }
        return total;
    }

    private static double cpu(long pid) {
        String[] f = stat(pid);
        return f == null ? 0 : seconds(f);
    }

    /** Fields of /proc/pid/stat after the command name: [0]=state, [1]=ppid, … [11]=utime, [12]=stime. */
    private static String[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return s.substring(s.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static double seconds(String[] f) {
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
    }

    static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
